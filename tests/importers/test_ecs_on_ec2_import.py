"""An ECS service on EC2 imports as one: its capacity provider, Auto Scaling group, launch template, instance
profile, role and group fold into the service (launch type EC2, its instance type), the cluster's association
into the cluster; and the design exported, imported and exported again has no difference, from CloudFormation
(YAML and JSON) and from Terraform."""

from __future__ import annotations

from pathlib import Path

import pytest

from archbuilder.compare.diff_engine import diff_documents
from archbuilder.compare.diff_sources import load_side
from archbuilder.exporters.registry import export
from archbuilder.importers.cloudformation import import_template
from archbuilder.importers.terraform import import_terraform
from tests.exporters.ecs_on_ec2 import ecs_on_ec2
from tests.importers.round_trips import assert_cli_round_trip_unchanged, container, services

FOLDED_INTO_ORDERS = {
    "OrdersCapacityProvider",
    "OrdersInstances",
    "OrdersLaunchTemplate",
    "OrdersInstanceProfile",
    "OrdersInstanceRole",
    "OrdersInstanceSecurityGroup",
}


@pytest.mark.parametrize("fmt", ["cloudformation", "cloudformation-json"])
def test_the_service_comes_back_on_ec2_with_its_instances_folded_into_it(fmt: str, tmp_path: Path) -> None:
    [template] = export(fmt, ecs_on_ec2(), tmp_path / "first")
    arch, report = import_template(template)
    assert report.generic == []
    found = services(arch, {"ecs_service", "ecs_cluster", "autoscaling_group", "security_group"})
    assert found["Orders"] == (
        "ecs_service",
        ["Private a", "Private b"],
        {
            "launch_type": "EC2",
            "instance_type": "m7i.large",
            "container_port": 80,
            "desired_count": 3,
            "cpu": 256,
            "memory": 512,
            "assign_public_ip": False,
            "image": "public.ecr.aws/docker/library/nginx:stable",
            "ingress": [],
        },
    )
    assert found["Reports"][2]["launch_type"] == "FARGATE"
    assert found["Cluster"] == (
        "ecs_cluster",
        ["region"],
        {"container_insights": True, "capacity_providers": ["FARGATE", "FARGATE_SPOT"]},
    )
    assert sorted(found) == ["Cluster", "Orders", "Reports"]
    assert arch.imported is not None
    orders = next(n.id for n in arch.services() if n.label == "Orders")
    cluster = next(n.id for n in arch.services() if n.label == "Cluster")
    owners = arch.imported.owners
    assert {name for name in FOLDED_INTO_ORDERS if owners.get(name) == orders} == FOLDED_INTO_ORDERS
    assert owners["ClusterCapacityProviders"] == cluster


@pytest.mark.parametrize("fmt", ["cloudformation", "cloudformation-json"])
def test_export_import_export_has_no_difference(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert_cli_round_trip_unchanged(ecs_on_ec2(), fmt, tmp_path, capsys)


def test_deleting_the_service_takes_its_instances_and_gives_the_cluster_its_providers_back(
    tmp_path: Path,
) -> None:
    [template] = export("cloudformation", ecs_on_ec2(), tmp_path / "first")
    arch, _report = import_template(template)
    arch.remove_node(next(n.id for n in arch.services() if n.label == "Orders"))
    [again] = export("cloudformation", arch, tmp_path / "again")
    diff = diff_documents(load_side(template), load_side(again))
    removed = sorted(r.name for r in diff.resources if r.status == "removed")
    assert removed == sorted(
        FOLDED_INTO_ORDERS
        | {
            "Orders",
            "OrdersTaskDefinition",
            "OrdersRole",
            "OrdersExecutionRole",
            "OrdersSecurityGroup",
            "OrdersSecurityGroupFromFront",
            "ClusterCapacityProviders",
        }
    )
    [cluster] = [r for r in diff.resources if r.name == "Cluster"]
    assert [(c.path, c.status, c.after) for c in cluster.changes] == [
        ("CapacityProviders", "added", ["FARGATE", "FARGATE_SPOT"]),
        ("DefaultCapacityProviderStrategy", "added", [{"CapacityProvider": "FARGATE", "Weight": 1}]),
    ]
    assert sorted(s.name for s in diff.sections if s.status == "removed") == [
        "EcsAmiId",
        "OrdersImage",
        "OrdersInstanceType",
    ]


def test_from_terraform_the_service_comes_back_on_ec2_and_the_files_byte_for_byte(tmp_path: Path) -> None:
    export("terraform", ecs_on_ec2(), tmp_path / "first")
    arch, report = import_terraform(tmp_path / "first")
    assert report.generic == []
    found = services(arch, {"ecs_service", "ecs_cluster", "autoscaling_group", "security_group"})
    assert sorted(found) == ["Cluster", "Orders", "Reports"]
    assert (found["Orders"][2]["launch_type"], found["Orders"][2]["instance_type"]) == ("EC2", "m7i.large")
    assert found["Reports"][2]["launch_type"] == "FARGATE"
    assert found["Cluster"][2]["capacity_providers"] == ["FARGATE", "FARGATE_SPOT"]
    assert arch.imported is not None
    orders = next(n.id for n in arch.services() if n.label == "Orders")
    assert {
        "aws_ecs_capacity_provider.orders_capacity_provider",
        "aws_autoscaling_group.orders_instances",
        "aws_launch_template.orders_launch_template",
        "aws_iam_instance_profile.orders_instance_profile",
        "aws_iam_role.orders_instance_role",
        "aws_security_group.orders_instance_security_group",
    } <= {name for name, owner in arch.imported.owners.items() if owner == orders}
    export("terraform", arch, tmp_path / "again")
    assert {p.name: p.read_bytes() for p in (tmp_path / "first").iterdir()} == {
        p.name: p.read_bytes() for p in (tmp_path / "again").iterdir()
    }


def test_from_terraform_the_diff_command_finds_no_difference(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert_cli_round_trip_unchanged(ecs_on_ec2(), "terraform", tmp_path, capsys)


HAND_WRITTEN = """
data "aws_ssm_parameter" "ecs_ami" {
  name = "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id"
}

resource "aws_vpc" "main" {
  cidr_block = "10.50.0.0/16"
}

resource "aws_subnet" "private_one" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.50.10.0/24"
  availability_zone = "us-east-1a"
}

resource "aws_subnet" "private_two" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.50.11.0/24"
  availability_zone = "us-east-1b"
}

resource "aws_ecs_cluster" "jobs" {
  name = "jobs"
}

resource "aws_iam_role" "instance" {
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy_attachment" "instance_ecs" {
  role       = aws_iam_role.instance.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role"
}

resource "aws_iam_instance_profile" "instance" {
  role = aws_iam_role.instance.name
}

resource "aws_security_group" "instances" {
  description = "Container instances"
  vpc_id      = aws_vpc.main.id
}

resource "aws_security_group" "jobs" {
  description = "Job tasks"
  vpc_id      = aws_vpc.main.id
}

resource "aws_launch_template" "instances" {
  image_id               = data.aws_ssm_parameter.ecs_ami.value
  instance_type          = "r7i.large"
  vpc_security_group_ids = [aws_security_group.instances.id]
  user_data              = base64encode("#!/bin/bash\\necho ECS_CLUSTER=${aws_ecs_cluster.jobs.name} >> /etc/ecs/ecs.config\\n")

  iam_instance_profile {
    arn = aws_iam_instance_profile.instance.arn
  }
}

resource "aws_autoscaling_group" "instances" {
  min_size              = 0
  max_size              = 6
  vpc_zone_identifier   = [aws_subnet.private_one.id, aws_subnet.private_two.id]
  protect_from_scale_in = true

  launch_template {
    id      = aws_launch_template.instances.id
    version = "$Latest"
  }

  tag {
    key                 = "AmazonECSManaged"
    value               = true
    propagate_at_launch = true
  }
}

resource "aws_ecs_capacity_provider" "instances" {
  name = "jobs-instances"

  auto_scaling_group_provider {
    auto_scaling_group_arn         = aws_autoscaling_group.instances.arn
    managed_termination_protection = "ENABLED"

    managed_scaling {
      status          = "ENABLED"
      target_capacity = 80
    }
  }
}

resource "aws_ecs_cluster_capacity_providers" "jobs" {
  cluster_name       = aws_ecs_cluster.jobs.name
  capacity_providers = ["FARGATE", aws_ecs_capacity_provider.instances.name]
}

resource "aws_ecs_task_definition" "jobs" {
  family                   = "jobs"
  requires_compatibilities = ["EC2"]
  network_mode             = "awsvpc"
  cpu                      = "2048"
  memory                   = "8192"
  container_definitions    = jsonencode([{ name = "job", image = "public.ecr.aws/docker/library/python:3.12", essential = true }])
}

resource "aws_ecs_service" "jobs" {
  name            = "jobs"
  cluster         = aws_ecs_cluster.jobs.id
  task_definition = aws_ecs_task_definition.jobs.arn
  desired_count   = 4

  capacity_provider_strategy {
    capacity_provider = aws_ecs_capacity_provider.instances.name
    weight            = 1
  }

  network_configuration {
    subnets         = [aws_subnet.private_one.id, aws_subnet.private_two.id]
    security_groups = [aws_security_group.jobs.id]
  }
}
"""


def test_hand_written_terraform_reads_as_a_service_on_ec2_and_comes_back_unchanged(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(HAND_WRITTEN)
    arch, report = import_terraform(tmp_path)
    assert report.generic == []
    # Two services (the cluster and the service, both named jobs): no group, no Auto Scaling group of their own.
    assert sorted(n.type for n in arch.services()) == ["ecs_cluster", "ecs_service"]
    [service] = [n for n in arch.services() if n.type == "ecs_service"]
    assert [container(arch, service.parent_id), *(container(arch, s) for s in service.extra_subnet_ids)] == [
        "Private one",
        "Private two",
    ]
    props = service.properties
    assert (props["launch_type"], props["instance_type"], props["desired_count"]) == ("EC2", "r7i.large", 4)
    [cluster] = [n for n in arch.services() if n.type == "ecs_cluster"]
    assert cluster.properties["capacity_providers"] == ["FARGATE"]
    export("terraform", arch, tmp_path / "again")
    assert (tmp_path / "again" / "main.tf").read_text() == HAND_WRITTEN
