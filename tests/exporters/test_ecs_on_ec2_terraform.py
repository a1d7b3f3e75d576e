"""The Terraform export of an ECS service on EC2: the same container instances, capacity provider and association
as the CloudFormation export (test_ecs_on_ec2_export.py), as the aws provider spells them, the AMI read from its
public SSM parameter by a data source; `terraform validate` accepts them against the local provider mirror."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from archbuilder.exporters.terraform.files import render, render_files
from archbuilder.model import Architecture
from tests.exporters.ecs_on_ec2 import ecs_on_ec2
from tests.exporters.test_terraform_validate import _required_variables, _validate, needs_provider
from tests.exporters.tf_tools import resources, unresolved_references


def written() -> dict[tuple[str, str], dict[str, Any]]:
    return resources(render(ecs_on_ec2()))


def test_the_service_names_its_capacity_provider_and_the_fargate_one_its_launch_type() -> None:
    found = written()
    orders = found[("aws_ecs_service", "orders")]
    assert "launch_type" not in orders
    assert orders["capacity_provider_strategy"] == [
        {"capacity_provider": "${aws_ecs_capacity_provider.orders_capacity_provider.name}", "weight": 1}
    ]
    assert orders["depends_on"] == [
        "${aws_ecs_cluster_capacity_providers.cluster_capacity_providers}",
        "${aws_lb_listener.front_listener}",
    ]
    assert found[("aws_ecs_service", "reports")]["launch_type"] == "FARGATE"
    assert found[("aws_ecs_task_definition", "orders_task_definition")]["requires_compatibilities"] == ["EC2"]
    assert found[("aws_ecs_task_definition", "orders_task_definition")]["network_mode"] == "awsvpc"


def test_the_capacity_provider_and_the_clusters_association() -> None:
    found = written()
    assert found[("aws_ecs_capacity_provider", "orders_capacity_provider")] == {
        "name": "${var.name}-orders-capacity-provider",
        "auto_scaling_group_provider": [
            {
                "auto_scaling_group_arn": "${aws_autoscaling_group.orders_instances.arn}",
                "managed_termination_protection": "ENABLED",
                "managed_scaling": [{"status": "ENABLED", "target_capacity": 100}],
            }
        ],
    }
    assert found[("aws_ecs_cluster_capacity_providers", "cluster_capacity_providers")] == {
        "cluster_name": "${aws_ecs_cluster.cluster.name}",
        "capacity_providers": [
            "FARGATE",
            "FARGATE_SPOT",
            "${aws_ecs_capacity_provider.orders_capacity_provider.name}",
        ],
        "default_capacity_provider_strategy": [{"capacity_provider": "FARGATE", "weight": 1}],
    }
    # The cluster itself names no providers: one aws_ecs_cluster_capacity_providers per cluster.
    assert [key for key in found if key[0] == "aws_ecs_cluster_capacity_providers"] == [
        ("aws_ecs_cluster_capacity_providers", "cluster_capacity_providers")
    ]


def test_the_container_instances() -> None:
    found = written()
    group = found[("aws_autoscaling_group", "orders_instances")]
    assert (group["min_size"], group["max_size"], group["protect_from_scale_in"]) == (1, 3, True)
    assert "desired_capacity" not in group
    assert group["vpc_zone_identifier"] == ["${aws_subnet.private_a.id}", "${aws_subnet.private_b.id}"]
    assert group["tag"][0] == {"key": "AmazonECSManaged", "value": "true", "propagate_at_launch": True}
    template = found[("aws_launch_template", "orders_launch_template")]
    assert template["image_id"] == "${data.aws_ssm_parameter.ecs_ami_id.value}"
    assert template["instance_type"] == "${var.orders_instance_type}"
    assert template["vpc_security_group_ids"] == ["${aws_security_group.orders_instance_security_group.id}"]
    assert template["user_data"] == (
        '${base64encode("#!/bin/bash\\necho ECS_CLUSTER=${aws_ecs_cluster.cluster.name} >> '
        '/etc/ecs/ecs.config\\n")}'
    )
    assert template["iam_instance_profile"] == [
        {"arn": "${aws_iam_instance_profile.orders_instance_profile.arn}"}
    ]
    assert found[
        (
            "aws_iam_role_policy_attachment",
            "orders_instance_role_amazon_ec2_container_servicefor_ec2_role",
        )
    ]["policy_arn"] == (
        "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role"
    )
    files = render(ecs_on_ec2())
    assert 'data "aws_ssm_parameter" "ecs_ami_id" {\n  name = var.ecs_ami_id\n}' in files["main.tf"]
    assert (
        'variable "ecs_ami_id" {\n'
        '  description = "AMI for ECS container instances (defaults to the latest ECS-optimised Amazon Linux 2023)"\n'
        "  type        = string\n"
        '  default     = "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id"\n}'
    ) in files["variables.tf"]
    assert unresolved_references(files) == []


def validated(arch: Architecture, root: Path) -> tuple[bool, list[Any]]:
    """`terraform validate` of the design's export as a module of `root` (the variables it needs given stand-ins):
    whether it is valid, and its diagnostics."""
    folder = root / "design"
    folder.mkdir()
    for name, content in render_files(arch).items():
        (folder / name).write_bytes(content)
    given = "".join(f"  {name} = {value}\n" for name, value in _required_variables(folder / "variables.tf"))
    (root / "main.tf").write_text(f'module "design" {{\n  source = "./design"\n{given}}}\n')
    report = _validate(root)
    return report["valid"], report["diagnostics"]


@needs_provider
def test_terraform_validate_accepts_it(tmp_path: Path) -> None:
    assert validated(ecs_on_ec2(), tmp_path) == (True, [])
