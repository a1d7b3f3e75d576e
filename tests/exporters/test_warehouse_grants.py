"""A service drawn writing to a Redshift cluster may run SQL on its database through the Redshift Data API: its role
is granted running statements on the cluster's ARN, signing in as its own database user on the database's ARN and
following the statements it ran itself (no resource names them: a condition keeps it to its own), and it is told the
cluster and the database. What that user may write is the database's own to grant in SQL: that step is named in the
export's warnings, where the whole connection was before. cfn-lint, moto (the role's policy as IAM holds it) and
terraform validate (test_terraform_validate) judge the result."""

from __future__ import annotations

import json

import boto3
from moto import mock_aws

from archbuilder.catalog import ConnectionKind as K
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.registry import export_notes
from archbuilder.exporters.terraform.files import render
from archbuilder.model import Architecture
from tests.exporters.cfn_tools import lint
from tests.exporters.moto_topology import deploy
from tests.model.builders import two_az_network

STEP = (
    "not declared, to do by hand: Loader (Lambda): grant it write access to Warehouse (Redshift) yourself: it may "
    "run SQL on the dev database through the Data API, signed in as its role's database user (IAMR: and the role's "
    "name); what that user may read or write is granted in SQL"
)
FOLLOWING = [
    "redshift-data:CancelStatement",
    "redshift-data:DescribeStatement",
    "redshift-data:GetStatementResult",
    "redshift-data:ListStatements",
]
OWN = {"StringEquals": {"redshift-data:statement-owner-iam-userid": "${aws:userid}"}}


def loader() -> Architecture:
    """A function loading a cluster through the Data API, and one reaching it over the network (a client with the
    database's own credentials, granted nothing)."""
    arch = two_az_network()
    arch.add_service("lambda_function", "private-a", label="Loader", node_id="loader")
    arch.add_service("lambda_function", "private-a", label="Reporter", node_id="reporter")
    arch.add_service(
        "redshift_cluster",
        "private-a",
        label="Warehouse",
        node_id="warehouse",
        extra_subnet_ids=["private-b"],
    )
    arch.connect("loader", "warehouse", K.WRITE)
    arch.connect("reporter", "warehouse", K.TRAFFIC)
    return arch


def _redshift(resource: str) -> dict[str, str]:
    return {"Fn::Sub": f"arn:${{AWS::Partition}}:redshift:${{AWS::Region}}:${{AWS::AccountId}}:{resource}"}


LOADER = [
    {
        "Effect": "Allow",
        "Action": ["redshift-data:BatchExecuteStatement", "redshift-data:ExecuteStatement"],
        "Resource": [_redshift("cluster:${Warehouse}")],
    },
    {
        "Effect": "Allow",
        "Action": ["redshift:GetClusterCredentialsWithIAM"],
        "Resource": [_redshift("dbname:${Warehouse}/dev")],
    },
    {"Effect": "Allow", "Action": FOLLOWING, "Resource": ["*"], "Condition": OWN},
    {
        "Effect": "Allow",
        "Action": ["sqs:SendMessage"],
        "Resource": [{"Fn::GetAtt": ["LoaderDeadLetterQueue", "Arn"]}],
    },
]


def test_a_writer_may_run_sql_on_the_cluster_through_the_data_api() -> None:
    template = build_template(loader())
    resources = template["Resources"]
    assert resources["LoaderRolePolicy"]["Properties"]["PolicyDocument"]["Statement"] == LOADER
    assert resources["Loader"]["Properties"]["Environment"]["Variables"] == {
        "WAREHOUSE_CLUSTER": {"Ref": "Warehouse"},
        "WAREHOUSE_DATABASE": "dev",
    }
    # The network client is granted nothing: it signs in with the database's own credentials.
    assert resources["ReporterRolePolicy"]["Properties"]["PolicyDocument"]["Statement"] == [
        {
            "Effect": "Allow",
            "Action": ["sqs:SendMessage"],
            "Resource": [{"Fn::GetAtt": ["ReporterDeadLetterQueue", "Arn"]}],
        }
    ]
    assert lint(json.dumps(template), "loader.json") == []
    assert [note for note in export_notes("cloudformation", loader()) if "Warehouse" in note] == [STEP]


def test_the_grant_is_held_once_deployed_and_terraform_writes_it() -> None:
    with mock_aws():
        physical = deploy(loader(), "loader")
        iam = boto3.client("iam", region_name="us-east-1")
        [name] = iam.list_role_policies(RoleName=physical["LoaderRole"])["PolicyNames"]
        document = iam.get_role_policy(RoleName=physical["LoaderRole"], PolicyName=name)["PolicyDocument"]
    # moto's stack gives a Ref to its cluster as the model's text rather than the cluster's identifier: the
    # statements are checked up to the identifier.
    where = "arn:aws:redshift:us-east-1:123456789012"
    running, signing_in, following = document["Statement"][:3]
    assert running["Action"] == ["redshift-data:BatchExecuteStatement", "redshift-data:ExecuteStatement"]
    assert running["Resource"][0].startswith(f"{where}:cluster:")
    assert signing_in["Action"] == ["redshift:GetClusterCredentialsWithIAM"]
    assert signing_in["Resource"][0].startswith(f"{where}:dbname:")
    assert signing_in["Resource"][0].endswith("/dev")
    assert (following["Action"], following["Resource"], following["Condition"]) == (FOLLOWING, ["*"], OWN)
    main = render(loader())["main.tf"]
    assert '"redshift-data:statement-owner-iam-userid" = "$${aws:userid}"' in main
    assert (
        '"arn:${data.aws_partition.current.partition}:redshift:${data.aws_region.current.name}:'
        '${data.aws_caller_identity.current.account_id}:dbname:${aws_redshift_cluster.warehouse.id}/dev"'
    ) in main


def test_a_stream_loading_the_cluster_is_granted_nothing_and_says_why() -> None:
    arch = loader()
    arch.add_service("firehose_stream", "region", label="Stream", node_id="stream")
    arch.add_service("s3_bucket", "region", label="Landing", node_id="landing")
    arch.connect("stream", "landing", K.WRITE)
    arch.connect("stream", "warehouse", K.WRITE)
    statements = build_template(arch)["Resources"]["StreamRolePolicy"]["Properties"]["PolicyDocument"][
        "Statement"
    ]
    assert not any(action.startswith("redshift") for s in statements for action in s["Action"])
    assert [note for note in export_notes("cloudformation", arch) if "Warehouse" in note] == [
        STEP,
        "not declared, to do by hand: Stream (Firehose): grant it write access to Warehouse (Redshift) yourself: a "
        "stream loads a cluster by COPY as a database user with a password, and the export writes no Redshift "
        "destination",
    ]
