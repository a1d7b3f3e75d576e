"""A service calling a Data Pipeline pipeline may activate it: the export leaves every pipeline inactive (the
Terraform provider cannot activate one), so its caller's role is granted ActivatePipeline and DescribePipelines on
the pipeline's ARN and may pass the pipeline its two roles, and the caller is told the pipeline's id. A pipeline the
export does not write (an activity keeping a database password in its definition) leaves the call in the warnings,
saying why. cfn-lint, moto (the role's policy as IAM holds it) and terraform validate (test_terraform_validate)
judge the result."""

from __future__ import annotations

import json
from typing import Any

import boto3
from moto import mock_aws

from archbuilder.catalog import ConnectionKind as K
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.registry import export_notes
from archbuilder.model import Architecture
from tests.exporters.cfn_tools import lint
from tests.exporters.moto_topology import deploy
from tests.exporters.tf_correspondence import check
from tests.model.builders import two_az_network

PIPELINE_STEP = (
    "not declared, to do by hand: Nightly copy (Data Pipeline): activate the pipeline once its definition is "
    "checked (aws datapipeline activate-pipeline)"
)


def pipeline_starter(*, sql: bool = False) -> Architecture:
    """A function starting a nightly copy between two buckets (and, with `sql`, a pipeline the export leaves to the
    console)."""
    arch = two_az_network()
    arch.add_service("lambda_function", "private-a", label="Starter", node_id="fn")
    arch.add_service("s3_bucket", "region", label="Lake", node_id="lake")
    arch.add_service("s3_bucket", "region", label="Curated", node_id="curated")
    arch.add_service("data_pipeline", "region", label="Nightly copy", node_id="copy")
    arch.connect("copy", "lake", K.READ)
    arch.connect("copy", "curated", K.WRITE)
    arch.connect("fn", "copy", K.INVOKE)
    if sql:
        arch.add_service(
            "data_pipeline", "region", label="Sql", node_id="sql", properties={"activity": "SqlActivity"}
        )
        arch.connect("fn", "sql", K.INVOKE)
    return arch


def _allow(actions: list[str], *resources: Any) -> dict[str, Any]:
    return {"Effect": "Allow", "Action": actions, "Resource": list(resources)}


NIGHTLY_COPY = {
    "Fn::Sub": "arn:${AWS::Partition}:datapipeline:${AWS::Region}:${AWS::AccountId}:pipeline/${NightlyCopy}"
}
STARTER = [
    _allow(["datapipeline:ActivatePipeline", "datapipeline:DescribePipelines"], NIGHTLY_COPY),
    _allow(
        ["iam:PassRole"],
        {"Fn::GetAtt": ["NightlyCopyPipelineRole", "Arn"]},
        {"Fn::GetAtt": ["NightlyCopyResourceRole", "Arn"]},
    ),
    _allow(["sqs:SendMessage"], {"Fn::GetAtt": ["StarterDeadLetterQueue", "Arn"]}),
]


def _statements(template: dict[str, Any], role: str) -> list[dict[str, Any]]:
    return list(template["Resources"][f"{role}Policy"]["Properties"]["PolicyDocument"]["Statement"])


def test_a_caller_of_a_pipeline_may_activate_it_and_pass_it_its_roles() -> None:
    template = build_template(pipeline_starter())
    assert _statements(template, "StarterRole") == STARTER
    variables = template["Resources"]["Starter"]["Properties"]["Environment"]["Variables"]
    assert variables == {"NIGHTLYCOPY_PIPELINE_ID": {"Ref": "NightlyCopy"}}
    assert lint(json.dumps(template), "pipeline_starter.json") == []
    # The pipeline's own step stays: the export still deploys it inactive.
    assert export_notes("cloudformation", pipeline_starter()) == [PIPELINE_STEP]


def test_a_call_of_a_pipeline_the_export_does_not_write_is_named_with_why() -> None:
    template = build_template(pipeline_starter(sql=True))
    assert _statements(template, "StarterRole") == STARTER
    assert export_notes("cloudformation", pipeline_starter(sql=True)) == [
        PIPELINE_STEP,
        "not declared, to do by hand: Sql (Data Pipeline): a SqlActivity reads a database whose password Data "
        "Pipeline keeps in the definition itself: define the pipeline (every 1 day) in the console; it is not "
        "written",
        "not declared, to do by hand: Starter (Lambda): let it start Sql (Data Pipeline) yourself: the "
        "pipeline is not written (its own step says why)",
    ]


def test_the_activation_grant_is_held_once_deployed_and_terraform_writes_it() -> None:
    with mock_aws():
        physical = deploy(pipeline_starter(), "pipeline-starter")
        iam = boto3.client("iam", region_name="us-east-1")
        [name] = iam.list_role_policies(RoleName=physical["StarterRole"])["PolicyNames"]
        document = iam.get_role_policy(RoleName=physical["StarterRole"], PolicyName=name)["PolicyDocument"]
    [activation, passing] = [s for s in document["Statement"] if s["Action"] != ["sqs:SendMessage"]]
    assert activation["Resource"] == [
        f"arn:aws:datapipeline:us-east-1:123456789012:pipeline/{physical['NightlyCopy']}"
    ]
    assert passing["Resource"] == [
        f"arn:aws:iam::123456789012:role/{physical[role]}"
        for role in ("NightlyCopyPipelineRole", "NightlyCopyResourceRole")
    ]
    policy = check(pipeline_starter())[("aws_iam_role_policy", "starter_role_policy")]["policy"]
    pipeline = (
        '"arn:${data.aws_partition.current.partition}:datapipeline:${data.aws_region.current.name}:'
        '${data.aws_caller_identity.current.account_id}:pipeline/${aws_datapipeline_pipeline.nightly_copy.id}"'
    )
    assert (
        '{Effect = "Allow", Action = ["datapipeline:ActivatePipeline", "datapipeline:DescribePipelines"], '
        f"Resource = [{pipeline}]}}"
    ) in policy
    assert (
        '{Effect = "Allow", Action = ["iam:PassRole"], Resource = [aws_iam_role.nightly_copy_pipeline_role.arn, '
        "aws_iam_role.nightly_copy_resource_role.arn]}"
    ) in policy
