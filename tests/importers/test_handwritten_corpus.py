"""The hand-written templates of tests/fixtures/corpus/archbuilder/: each passes cfn-lint, imports with no
generic resource, reads as the services, settings and connections it says, and comes back unchanged (the round
trip itself is in test_round_trip.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from archbuilder.exporters.cloudformation.source_template import cloudformation_template
from archbuilder.importers.cloudformation import import_template
from archbuilder.model import Architecture, AvailabilityZoneNode, SubnetNode
from tests.exporters.cfn_tools import lint

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "corpus" / "archbuilder"
TEMPLATES = sorted(CORPUS.glob("*.yaml"))


def connections(arch: Architecture) -> set[tuple[str, str, str]]:
    return {
        (arch.node(c.source_id).label, arch.node(c.target_id).label, c.kind.value)
        for c in arch.connections.values()
    }


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_each_template_passes_cfn_lint_and_imports_with_nothing_generic(path: Path) -> None:
    assert lint(path.read_text(encoding="utf-8"), path.name) == []
    _arch, report = import_template(path)
    assert report.generic == []


def test_a_rest_api_keeps_its_authorizer_proxy_route_stage_and_function_settings() -> None:
    arch, _report = import_template(CORPUS / "lambda-rest-api.yaml")
    assert arch.service("api").properties == {
        "authorization": "CUSTOM",
        "endpoint_type": "REGIONAL",
        "stage_name": "prod",
        "throttling_rate_limit": 200,
    }
    handler = arch.service("handler").properties
    assert (handler["memory_mb"], handler["timeout_seconds"], handler["reserved_concurrency"]) == (
        256,
        10,
        20,
    )
    table = arch.service("itemstable").properties
    assert {
        k: table[k] for k in ("partition_key", "sort_key", "ttl_attribute", "stream", "billing_mode")
    } == {
        "partition_key": "customer_id",
        "sort_key": "order_id",
        "ttl_attribute": "expires_at",
        "stream": "NEW_AND_OLD_IMAGES",
        "billing_mode": "PAY_PER_REQUEST",
    }
    assert connections(arch) == {
        ("Api", "AuthorizerFunction", "invoke"),
        ("Api", "Handler", "invoke"),
        ("Handler", "HandlerDeadLetters", "write"),
        ("Handler", "ItemsTable", "read_write"),
    }
    resources = cloudformation_template(arch)["Resources"]
    assert resources["ProxyResource"]["Properties"]["PathPart"] == "{proxy+}"
    assert resources["ProxyMethod"]["Properties"]["AuthorizationType"] == "CUSTOM"
    assert resources["ApiStage"]["Properties"]["TracingEnabled"] is True
    assert resources["Handler"]["Properties"]["DeadLetterConfig"] == {
        "TargetArn": {"Fn::GetAtt": ["HandlerDeadLetters", "Arn"]}
    }
    assert resources["ItemsTable"]["Properties"]["GlobalSecondaryIndexes"][0]["IndexName"] == "by-status"


def test_a_three_zone_network_has_a_nat_gateway_per_zone_and_keeps_its_flow_logs() -> None:
    arch, report = import_template(CORPUS / "vpc-three-az-nat.yaml")
    zones = {
        node.zone: sorted(
            (s.tier.value, [c.label for c in arch.children(s.id)])
            for s in arch.children(node.id)
            if isinstance(s, SubnetNode)
        )
        for node in arch.nodes.values()
        if isinstance(node, AvailabilityZoneNode)
    }
    assert zones == {
        f"us-east-1{z}": [("private", []), ("public", [f"NatGateway{z.upper()}"])] for z in "abc"
    }
    assert arch.imported is not None and arch.imported.owners["FlowLog"] == "vpc"
    assert ("FlowLog", "AWS::EC2::FlowLog") in report.folded
    assert arch.service("flowloggroup").properties["retention_days"] == "90"
    role = cloudformation_template(arch)["Resources"]["FlowLogRole"]["Properties"]
    assert role["AssumeRolePolicyDocument"]["Statement"][0]["Principal"] == {
        "Service": "vpc-flow-logs.amazonaws.com"
    }


def test_a_fargate_service_keeps_its_execution_role_and_runs_in_the_private_subnets() -> None:
    arch, _report = import_template(CORPUS / "ecs-fargate-alb.yaml")
    service = arch.service("service")
    assert (
        arch.node(service.parent_id or "").label,
        [arch.node(s).label for s in service.extra_subnet_ids],
    ) == (
        "PrivateOne",
        ["PrivateTwo"],
    )
    assert {
        k: service.properties[k] for k in ("launch_type", "cpu", "memory", "desired_count", "container_port")
    } == {
        "launch_type": "FARGATE",
        "cpu": 512,
        "memory": 1024,
        "desired_count": 2,
        "container_port": 80,
    }
    assert connections(arch) == {
        ("LoadBalancer", "Service", "traffic"),
        ("Service", "ApiKey", "read"),
        ("Service", "Cluster", "attach"),
        ("Service", "Logs", "logs"),
    }
    resources = cloudformation_template(arch)["Resources"]
    assert resources["ExecutionRole"]["Properties"]["ManagedPolicyArns"] == [
        "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
    ]
    assert resources["Service"]["DependsOn"] == "Listener"


def test_an_upload_bucket_triggers_the_function_that_reads_it() -> None:
    arch, _report = import_template(CORPUS / "s3-lambda-trigger.yaml")
    assert connections(arch) == {
        ("Uploads", "Resizer", "event"),
        ("Resizer", "Uploads", "read"),
        ("Resizer", "Thumbnails", "write"),
    }
    resources = cloudformation_template(arch)["Resources"]
    assert resources["Uploads"]["Properties"]["NotificationConfiguration"]["LambdaConfigurations"][0][
        "Function"
    ] == {"Fn::GetAtt": ["Resizer", "Arn"]}
    assert resources["UploadsInvokeResizer"]["Properties"]["Principal"] == "s3.amazonaws.com"


def test_an_ecs_service_on_its_own_container_instances_reads_as_ec2_with_its_instances_folded() -> None:
    arch, _report = import_template(CORPUS / "ecs-ec2-capacity.yaml")
    assert sorted((n.label, n.type) for n in arch.services()) == [
        ("Cluster", "ecs_cluster"),
        ("Workers", "ecs_service"),
    ]
    workers = next(n for n in arch.services() if n.label == "Workers")
    assert workers.properties == {
        "launch_type": "EC2",
        "instance_type": "c6i.large",
        "image": "public.ecr.aws/docker/library/busybox:1.36",
        "container_port": 80,
        "desired_count": 3,
        "cpu": 1024,
        "memory": 2048,
        "assign_public_ip": False,
        "ingress": [],
    }
    # The cluster's association names only the service's provider: it offers no Fargate capacity.
    assert next(n for n in arch.services() if n.label == "Cluster").properties["capacity_providers"] == []
    assert arch.imported is not None
    assert sorted(name for name, owner in arch.imported.owners.items() if owner == workers.id) == [
        "CapacityProvider",
        "InstanceGroup",
        "InstanceProfile",
        "InstanceRole",
        "Instances",
        "LaunchTemplate",
        "TaskDefinition",
        "WorkerGroup",
        "Workers",
    ]
    # Set on Fargate, the service loses its instances, their provider and the cluster's association with it.
    arch.set_property(workers.id, "launch_type", "FARGATE")
    resources = cloudformation_template(arch)["Resources"]
    assert [
        name
        for name in ("InstanceProfile", "LaunchTemplate", "Instances", "CapacityProvider")
        if name in resources
    ] == []
    assert "ClusterProviders" not in resources
    assert resources["Workers"]["Properties"]["LaunchType"] == "FARGATE"
    assert resources["TaskDefinition"]["Properties"]["RequiresCompatibilities"] == ["FARGATE"]
