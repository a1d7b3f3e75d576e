"""Generated designs (seeded, so every run checks the same ones): each exports to a template cfn-lint accepts and
moto deploys, and boto3 describe calls find exactly the VPC, subnets, instances, databases, buckets, functions,
queues and tables the design has."""

from __future__ import annotations

import contextlib
import json
import random
from typing import Any

import boto3
import pytest
from moto import mock_aws

from archbuilder.catalog import ConnectionKind as K
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.model import Architecture, InvariantError, ServiceNode
from tests.exporters.cfn_tools import lint, moto_deployable
from tests.model.builders import two_az_network

# (type, parent, extra subnets, properties)
POOL: list[tuple[str, str, list[str], dict[str, Any]]] = [
    ("ec2_instance", "private-a", [], {}),
    ("ec2_instance", "private-b", [], {}),
    ("autoscaling_group", "private-a", ["private-b"], {}),
    ("lambda_function", "region", [], {}),
    ("lambda_function", "private-a", ["private-b"], {}),
    ("rds_instance", "private-a", ["private-b"], {"engine": "mysql"}),
    ("rds_instance", "private-a", ["private-b"], {"engine": "postgres"}),
    ("s3_bucket", "region", [], {}),
    ("dynamodb_table", "region", [], {}),
    ("sqs_queue", "region", [], {}),
    ("sns_topic", "region", [], {}),
    ("kinesis_stream", "region", [], {}),
    ("efs_file_system", "private-a", ["private-b"], {}),
    ("alb", "public-a", ["public-b"], {"internet_facing": True}),
    ("api_gateway_rest", "region", [], {}),
    ("step_functions", "region", [], {}),
    ("eventbridge_rule", "region", [], {}),
    ("secrets_manager_secret", "region", [], {}),
    ("kms_key", "region", [], {}),
    ("cloudwatch_log_group", "region", [], {}),
    ("ssm_parameter", "region", [], {}),
]
# Connections a generated design may draw, by (source type, kind, target type).
EDGES = [
    ("alb", K.TRAFFIC, "ec2_instance"),
    ("alb", K.TRAFFIC, "autoscaling_group"),
    ("ec2_instance", K.TRAFFIC, "rds_instance"),
    ("autoscaling_group", K.TRAFFIC, "rds_instance"),
    ("ec2_instance", K.TRAFFIC, "efs_file_system"),
    ("ec2_instance", K.READ_WRITE, "s3_bucket"),
    ("autoscaling_group", K.READ, "s3_bucket"),
    ("lambda_function", K.WRITE, "dynamodb_table"),
    ("lambda_function", K.READ, "dynamodb_table"),
    ("lambda_function", K.WRITE, "sqs_queue"),
    ("lambda_function", K.WRITE, "kinesis_stream"),
    ("lambda_function", K.READ, "secrets_manager_secret"),
    ("lambda_function", K.READ, "ssm_parameter"),
    ("lambda_function", K.TRAFFIC, "rds_instance"),
    ("sqs_queue", K.POLL, "lambda_function"),
    ("kinesis_stream", K.POLL, "lambda_function"),
    ("dynamodb_table", K.POLL, "lambda_function"),
    ("api_gateway_rest", K.INVOKE, "lambda_function"),
    ("s3_bucket", K.EVENT, "lambda_function"),
    ("s3_bucket", K.EVENT, "sqs_queue"),
    ("sns_topic", K.SUBSCRIBE, "sqs_queue"),
    ("sns_topic", K.SUBSCRIBE, "lambda_function"),
    ("eventbridge_rule", K.EVENT, "lambda_function"),
    ("eventbridge_rule", K.EVENT, "step_functions"),
    ("step_functions", K.INVOKE, "lambda_function"),
]
SEEDS = [1, 2, 3, 4, 5, 6]


def generated(seed: int) -> Architecture:
    rng = random.Random(seed)
    arch = two_az_network()
    arch.add_service("internet_gateway", "vpc", label="IGW", node_id="igw")
    for letter in "ab":
        arch.add_service("nat_gateway", f"public-{letter}", label=f"NAT {letter}", node_id=f"nat-{letter}")
    for index in range(rng.randint(6, 14)):
        # The first four walk the pool, so that the seeds together place every type in it.
        pick = POOL[(seed * 4 + index) % len(POOL)] if index < 4 else rng.choice(POOL)
        type_id, parent, extra, props = pick
        arch.add_service(
            type_id,
            parent,
            label=f"{type_id.replace('_', ' ')} {seed} {index}",  # unique across the seeds' stacks
            node_id=f"s{index}",
            extra_subnet_ids=extra,
            properties=dict(props),
        )
    # Each seed also draws five edges of the list on services added for them, so the seeds cover every edge.
    for k in range(5):
        source_type, kind, target_type = EDGES[(seed * 5 + k) % len(EDGES)]
        ends = []
        for type_id in (source_type, target_type):
            _, parent, extra, props = next(p for p in POOL if p[0] == type_id)
            node_id = f"e{k}-{len(ends)}"
            arch.add_service(
                type_id,
                parent,
                label=f"{type_id.replace('_', ' ')} {seed} e{k}{len(ends)}",
                node_id=node_id,
                extra_subnet_ids=extra,
                properties=dict(props),
            )
            ends.append(node_id)
        arch.connect(ends[0], ends[1], kind)
    services = sorted(arch.services(), key=lambda s: s.id)
    for source_type, kind, target_type in EDGES:
        sources = [s for s in services if s.type == source_type]
        targets = [s for s in services if s.type == target_type]
        for source in sources:
            for target in targets:
                if (
                    source.id != target.id
                    and rng.random() < 0.5
                    and not _would_cycle(arch, source, target)
                    and not _full_rule(arch, source)
                ):
                    with contextlib.suppress(InvariantError):  # a pair the catalog does not allow
                        arch.connect(source.id, target.id, kind)
    return arch


def _would_cycle(arch: Architecture, source: ServiceNode, target: ServiceNode) -> bool:
    """A function that starts a state machine which invokes it again cannot be written as references."""
    return any(c.source_id == target.id and c.target_id == source.id for c in arch.connections.values())


def _full_rule(arch: Architecture, source: ServiceNode) -> bool:
    """An EventBridge rule takes at most five targets (the exporter refuses more)."""
    return source.type == "eventbridge_rule" and len(arch.connections_of(source.id)) >= 5


def count(arch: Architecture, type_id: str) -> int:
    return sum(1 for s in arch.services() if s.type == type_id)


@pytest.mark.parametrize("seed", SEEDS)
def test_generated_design_passes_cfn_lint(seed: int) -> None:
    template = build_template(generated(seed))
    assert lint(json.dumps(template), f"generated-{seed}.json") == []


@pytest.fixture(scope="module")
def moto_session() -> Any:
    with mock_aws():
        yield


@pytest.mark.parametrize("seed", SEEDS)
def test_generated_design_deploys_in_moto(seed: int, moto_session: Any) -> None:
    arch = generated(seed)
    deployable, _dropped = moto_deployable(build_template(arch))
    region = "us-east-1"
    stack = f"generated-{seed}"
    cloudformation = boto3.client("cloudformation", region_name=region)
    cloudformation.create_stack(
        StackName=stack, TemplateBody=json.dumps(deployable), Capabilities=["CAPABILITY_IAM"]
    )
    assert cloudformation.describe_stacks(StackName=stack)["Stacks"][0]["StackStatus"] == "CREATE_COMPLETE"
    resources = {
        r["LogicalResourceId"]: r.get("PhysicalResourceId")
        for r in cloudformation.describe_stack_resources(StackName=stack)["StackResources"]
    }
    ec2 = boto3.client("ec2", region_name=region)
    [vpc] = ec2.describe_vpcs(VpcIds=[resources["Main"]])["Vpcs"]
    assert vpc["CidrBlock"] == "10.0.0.0/16"
    subnets = ec2.describe_subnets(Filters=[{"Name": "vpc-id", "Values": [vpc["VpcId"]]}])["Subnets"]
    assert sorted(s["CidrBlock"] for s in subnets) == [
        "10.0.0.0/24",
        "10.0.1.0/24",
        "10.0.2.0/24",
        "10.0.3.0/24",
    ]
    labels = {s.label for s in arch.services() if s.type == "ec2_instance"}
    instances = [
        i
        for r in ec2.describe_instances(Filters=[{"Name": "vpc-id", "Values": [vpc["VpcId"]]}])[
            "Reservations"
        ]
        for i in r["Instances"]
        if any(t["Key"] == "Name" and t["Value"] in labels for t in i.get("Tags", []))
    ]
    assert len(instances) == count(arch, "ec2_instance")
    created: dict[str, int] = {}
    for summary in cloudformation.describe_stack_resources(StackName=stack)["StackResources"]:
        created[summary["ResourceType"]] = created.get(summary["ResourceType"], 0) + 1
    assert created.get("AWS::RDS::DBInstance", 0) == count(arch, "rds_instance")
    # The production defaults add a bucket of access logs per Application Load Balancer and a dead-letter
    # queue per function.
    assert created.get("AWS::S3::Bucket", 0) == count(arch, "s3_bucket") + count(arch, "alb")
    # The functions drawn, and one rotating each secret that rotates.
    functions = count(arch, "lambda_function") + sum(
        1 for s in arch.services() if s.type == "secrets_manager_secret" and s.properties.get("rotation_days")
    )
    assert created.get("AWS::Lambda::Function", 0) == functions
    assert created.get("AWS::DynamoDB::Table", 0) == count(arch, "dynamodb_table")
    queues = 2 * count(arch, "sqs_queue") + functions  # with dead-letter queues
    assert created.get("AWS::SQS::Queue", 0) == queues
    # And the services answer describe calls for what the stack says it made.
    rds = boto3.client("rds", region_name=region)
    for logical, physical in resources.items():
        kind = deployable["Resources"][logical]["Type"]
        if kind == "AWS::RDS::DBInstance":
            [db] = rds.describe_db_instances(DBInstanceIdentifier=physical)["DBInstances"]
            assert db["StorageEncrypted"] is True
        elif kind == "AWS::S3::Bucket":
            boto3.client("s3", region_name=region).head_bucket(Bucket=physical)
        elif kind == "AWS::Lambda::Function":
            boto3.client("lambda", region_name=region).get_function(FunctionName=physical)
        elif kind == "AWS::SQS::Queue":
            boto3.client("sqs", region_name=region).get_queue_attributes(QueueUrl=physical)
        elif kind == "AWS::DynamoDB::Table":
            boto3.client("dynamodb", region_name=region).describe_table(TableName=physical)


def test_generated_designs_cover_every_pool_type_and_edge() -> None:
    """The seeds together exercise every service type and every edge of the lists."""
    designs = [generated(seed) for seed in SEEDS]
    types = {s.type for arch in designs for s in arch.services()}
    assert {t for t, *_ in POOL} - types == set()
    drawn = {
        (arch.service(c.source_id).type, c.kind, arch.service(c.target_id).type)
        for arch in designs
        for c in arch.connections.values()
    }
    assert set(EDGES) - drawn == set()
