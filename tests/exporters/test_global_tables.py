"""A DynamoDB table with replica regions: a global table in CloudFormation, a table with replica blocks in
Terraform, deployable (its own region's replica) in moto, and the same design again when imported back."""

from __future__ import annotations

import json
from pathlib import Path

import boto3
from moto import mock_aws

from archbuilder.catalog import ConnectionKind as K
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.registry import export
from archbuilder.importers.cloudformation import import_template
from archbuilder.importers.terraform import import_terraform
from archbuilder.model import Architecture
from archbuilder.validation import validate
from tests.exporters.cfn_tools import lint, moto_deployable
from tests.exporters.tf_correspondence import check
from tests.model.builders import two_az_network

TAGS = [{"Key": "Name", "Value": "Sessions"}]


def global_table(with_function: bool = True, **props: object) -> Architecture:
    """A table in us-east-1 replicated elsewhere (its own region listed too), read, written and polled by a
    function."""
    arch = two_az_network()
    arch.add_service(
        "dynamodb_table",
        "region",
        label="Sessions",
        node_id="sessions",
        properties={
            "replica_regions": ["us-west-2", "eu-west-1", "us-east-1"],
            "stream": "NEW_AND_OLD_IMAGES",
            **props,
        },
    )
    if not with_function:
        return arch
    arch.add_service("lambda_function", "region", label="Handler", node_id="handler")
    arch.connect("handler", "sessions", K.READ_WRITE)
    arch.connect("sessions", "handler", K.POLL)
    return arch


def test_replica_regions_make_a_global_table_with_a_replica_per_region() -> None:
    template = build_template(global_table(ttl_attribute="expires_at"))
    replica = {
        "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": True},
        "DeletionProtectionEnabled": True,
        "Tags": TAGS,
    }
    assert template["Resources"]["Sessions"] == {
        "Type": "AWS::DynamoDB::GlobalTable",
        "Properties": {
            "BillingMode": "PAY_PER_REQUEST",
            "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
            "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
            "SSESpecification": {"SSEEnabled": True},
            "StreamSpecification": {"StreamViewType": "NEW_AND_OLD_IMAGES"},
            "TimeToLiveSpecification": {"AttributeName": "expires_at", "Enabled": True},
            "Replicas": [
                {"Region": {"Ref": "AWS::Region"}, **replica},
                {"Region": "eu-west-1", **replica},
                {"Region": "us-west-2", **replica},
            ],
        },
        "DeletionPolicy": "Retain",
        "UpdateReplacePolicy": "Retain",
    }
    # What refers to the table keeps working: GetAtt Arn and StreamArn exist on a global table, Ref names it.
    resources = template["Resources"]
    mapping = resources["HandlerFromSessions"]["Properties"]
    assert mapping["EventSourceArn"] == {"Fn::GetAtt": ["Sessions", "StreamArn"]}
    statements = resources["HandlerRolePolicy"]["Properties"]["PolicyDocument"]["Statement"]
    assert {"Fn::GetAtt": ["Sessions", "Arn"]} in [r for s in statements for r in s["Resource"]]
    variables = resources["Handler"]["Properties"]["Environment"]["Variables"]
    assert {"Ref": "Sessions"} in variables.values()
    assert lint(json.dumps(template), "global.json") == []


def test_a_provisioned_global_table_reads_per_replica_and_holds_its_writes_by_autoscaling() -> None:
    template = build_template(
        global_table(
            billing_mode="PROVISIONED", read_capacity=10, write_capacity=4, point_in_time_recovery=False
        )
    )
    props = template["Resources"]["Sessions"]["Properties"]
    assert props["WriteProvisionedThroughputSettings"] == {
        "WriteCapacityAutoScalingSettings": {
            "MinCapacity": 4,
            "MaxCapacity": 4,
            "TargetTrackingScalingPolicyConfiguration": {"TargetValue": 70},
        }
    }
    assert props["Replicas"][2] == {
        "Region": "us-west-2",
        "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": False},
        "DeletionProtectionEnabled": True,
        "Tags": TAGS,
        "ReadProvisionedThroughputSettings": {"ReadCapacityUnits": 10},
    }
    assert "ProvisionedThroughput" not in props
    assert lint(json.dumps(template), "global.json") == []
    table = check(global_table(billing_mode="PROVISIONED", read_capacity=10, write_capacity=4))
    table = table[("aws_dynamodb_table", "sessions")]
    assert (table["read_capacity"], table["write_capacity"]) == (10, 4)


def test_terraform_writes_the_table_with_a_replica_block_per_other_region() -> None:
    terraform = check(global_table(ttl_attribute="expires_at", point_in_time_recovery=False))
    assert terraform[("aws_dynamodb_table", "sessions")] == {
        "name": "${var.name}-sessions",
        "billing_mode": "PAY_PER_REQUEST",
        "hash_key": "pk",
        "deletion_protection_enabled": True,
        "stream_enabled": True,
        "stream_view_type": "NEW_AND_OLD_IMAGES",
        "tags": {"Name": "Sessions"},
        "attribute": [{"name": "pk", "type": "S"}],
        "point_in_time_recovery": [{"enabled": False}],
        "server_side_encryption": [{"enabled": True}],
        "ttl": [{"attribute_name": "expires_at", "enabled": True}],
        "replica": [
            {"region_name": "eu-west-1", "point_in_time_recovery": False, "propagate_tags": True},
            {"region_name": "us-west-2", "point_in_time_recovery": False, "propagate_tags": True},
        ],
        # Retained by CloudFormation: Terraform refuses to destroy it.
        "lifecycle": [{"prevent_destroy": True}],
    }
    mapping = terraform[("aws_lambda_event_source_mapping", "handler_from_sessions")]
    assert mapping["event_source_arn"] == "${aws_dynamodb_table.sessions.stream_arn}"


def test_a_table_replicated_to_its_own_region_only_stays_a_table() -> None:
    template = build_template(global_table(replica_regions=["us-east-1"]))
    assert template["Resources"]["Sessions"]["Type"] == "AWS::DynamoDB::Table"
    assert (
        "replica"
        not in check(global_table(replica_regions=["us-east-1"]))[("aws_dynamodb_table", "sessions")]
    )


def test_the_global_table_deploys_in_moto_as_its_own_regions_replica() -> None:
    template = build_template(global_table(billing_mode="PROVISIONED", read_capacity=3, write_capacity=2))
    with mock_aws():
        deployable, dropped = moto_deployable(template)
        assert "Sessions" not in dropped
        client = boto3.client("cloudformation", region_name="us-east-1")
        client.create_stack(
            StackName="global", TemplateBody=json.dumps(deployable), Capabilities=["CAPABILITY_IAM"]
        )
        assert client.describe_stacks(StackName="global")["Stacks"][0]["StackStatus"] == "CREATE_COMPLETE"
        [name] = boto3.client("dynamodb", region_name="us-east-1").list_tables()["TableNames"]
        table = boto3.client("dynamodb", region_name="us-east-1").describe_table(TableName=name)["Table"]
        assert table["ProvisionedThroughput"]["ReadCapacityUnits"] == 3
        assert table["ProvisionedThroughput"]["WriteCapacityUnits"] == 2
        assert table["StreamSpecification"]["StreamViewType"] == "NEW_AND_OLD_IMAGES"
        [mapping] = boto3.client("lambda", region_name="us-east-1").list_event_source_mappings()[
            "EventSourceMappings"
        ]
        assert mapping["EventSourceArn"] == table["LatestStreamArn"]


def _resources(template: dict) -> list[tuple[str, str]]:
    return sorted((logical, body["Type"]) for logical, body in template["Resources"].items())


def test_an_exported_global_table_imports_back_with_its_replica_regions(tmp_path: Path) -> None:
    original = global_table()
    [path] = export("cloudformation", original, tmp_path / "cfn")
    imported, report = import_template(path)
    [table] = [s for s in imported.services() if s.type == "dynamodb_table"]
    assert table.properties["replica_regions"] == ["eu-west-1", "us-west-2"]
    assert table.properties["stream"] == "NEW_AND_OLD_IMAGES"  # so no global table without a stream is found
    assert "LIM-029" not in {f.rule_id for f in validate(imported).findings}
    assert report.generic == []
    first, again = build_template(original), build_template(imported)
    assert _resources(again) == _resources(first)
    assert again["Resources"]["Sessions"] == first["Resources"]["Sessions"]


def test_a_terraform_table_with_replica_blocks_imports_as_a_global_table(tmp_path: Path) -> None:
    original = global_table(with_function=False)
    export("terraform", original, tmp_path)
    imported, _report = import_terraform(tmp_path)
    [table] = [s for s in imported.services() if s.type == "dynamodb_table"]
    assert table.properties["replica_regions"] == ["eu-west-1", "us-west-2"]
    assert table.properties["stream"] == "NEW_AND_OLD_IMAGES"
    assert _resources(build_template(imported)) == _resources(build_template(original))
