"""Test support for the canvas: a small fixed catalog and a two-AZ network with services."""

from __future__ import annotations

from typing import Any

from archbuilder.catalog import Catalog, ServiceType
from archbuilder.model import (
    Architecture,
    AvailabilityZoneNode,
    RegionNode,
    SubnetNode,
    VpcNode,
)

_CITE = {"seed": "000_cef87d4914f142cd.txt", "section": "When to Use AWS"}
_TIPS = [{"text": f"Tip number {i} for tests.", "source": _CITE} for i in range(3)]


def _service(**fields: Any) -> ServiceType:
    base: dict[str, Any] = {
        "cfn_types": [f"AWS::Test::{fields['id']}"],
        "terraform_types": [f"aws_{fields['id']}"],
        "lockin": {"rating": "low", "rationale": "Rated low for these tests.", "source": _CITE},
        "tips": _TIPS,
    }
    base.update(fields)
    return ServiceType.model_validate(base)


def canvas_catalog() -> Catalog:
    subnets = ["public_subnet", "private_subnet"]
    return Catalog(
        [
            _service(
                id="ec2_instance",
                name="Amazon EC2 instance",
                short_name="EC2",
                aliases=["server", "vm"],
                category="compute",
                placement="subnet",
                allowed_parents=subnets,
                diagram_class="aws.compute.EC2",
                accepts=["traffic"],
            ),
            _service(
                id="alb",
                name="Application Load Balancer",
                short_name="ALB",
                aliases=["elb", "load balancer"],
                category="networking",
                placement="multi_subnet",
                allowed_parents=subnets,
                diagram_class="aws.network.ElbApplicationLoadBalancer",
                accepts=["traffic"],
            ),
            _service(
                id="rds_instance",
                name="Amazon RDS DB instance",
                short_name="RDS",
                aliases=["postgres", "mysql", "relational database"],
                category="database",
                placement="multi_subnet",
                allowed_parents=["private_subnet"],
                diagram_class="aws.database.RDS",
                accepts=["traffic", "read", "write", "read_write"],
            ),
            _service(
                id="s3_bucket",
                name="Amazon S3 bucket",
                short_name="S3",
                aliases=["object storage", "bucket"],
                category="storage",
                placement="regional",
                allowed_parents=["region"],
                diagram_class="aws.storage.S3",
                accepts=["read", "write", "read_write", "logs"],
            ),
            _service(
                id="sqs_queue",
                name="Amazon SQS queue",
                short_name="SQS",
                aliases=["message queue"],
                category="integration",
                placement="regional",
                allowed_parents=["region"],
                diagram_class="aws.integration.SQS",
                accepts=["write"],
            ),
            _service(
                id="cloudfront_distribution",
                name="Amazon CloudFront distribution",
                short_name="CloudFront",
                aliases=["cdn"],
                category="content_delivery",
                placement="global",
                allowed_parents=["root"],
                diagram_class="aws.network.CloudFront",
                accepts=[],
            ),
        ]
    )


def network() -> Architecture:
    """us-east-1 region > VPC > AZ a, AZ b > public and private subnet each; an ALB, two EC2, an RDS, an S3."""
    arch = Architecture(canvas_catalog())
    arch.add_node(
        RegionNode(
            id="region", label="US East (N. Virginia)", region="us-east-1", x=40, y=40, width=1000, height=760
        )
    )
    arch.add_node(
        VpcNode(
            id="vpc",
            label="Production VPC",
            parent_id="region",
            cidr="10.0.0.0/16",
            x=20,
            y=120,
            width=940,
            height=600,
        )
    )
    for index, letter in enumerate("ab"):
        arch.add_node(
            AvailabilityZoneNode(
                id=f"az-{letter}",
                label=f"Availability Zone {letter.upper()}",
                parent_id="vpc",
                zone=f"us-east-1{letter}",
                x=20 + index * 460,
                y=50,
                width=440,
                height=530,
            )
        )
        arch.add_node(
            SubnetNode(
                id=f"public-{letter}",
                label=f"Public subnet {letter.upper()}",
                parent_id=f"az-{letter}",
                cidr=f"10.0.{index * 2}.0/24",
                tier="public",
                x=20,
                y=50,
                width=400,
                height=200,
            )
        )
        arch.add_node(
            SubnetNode(
                id=f"private-{letter}",
                label=f"Private subnet {letter.upper()}",
                parent_id=f"az-{letter}",
                cidr=f"10.0.{index * 2 + 1}.0/24",
                tier="private",
                x=20,
                y=290,
                width=400,
                height=200,
            )
        )
    arch.add_service("alb", "public-a", label="Web ALB", x=40, y=60, node_id="alb")
    arch.add_service("ec2_instance", "private-a", label="App server A", x=40, y=60, node_id="app-a")
    arch.add_service("ec2_instance", "private-b", label="App server B", x=40, y=60, node_id="app-b")
    arch.add_service("rds_instance", "private-a", label="Orders database", x=220, y=60, node_id="db")
    arch.add_service("s3_bucket", "region", label="Assets", x=40, y=40, node_id="assets")
    arch.connect("alb", "app-a", "traffic", connection_id="alb-to-app-a")
    arch.connect("app-a", "db", "read_write", connection_id="app-a-to-db")
    return arch
