"""A generic resource shows its own service's icon and name, from its resource type's namespace, the same on
the canvas, in the diagram exports and in the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from archbuilder.catalog import default_catalog
from archbuilder.catalog.generic_types import diagram_class, drawio_shape, type_name
from archbuilder.cli.main import main
from archbuilder.drawing.diagram import build_diagram
from archbuilder.exporters.diagram.drawio import build_xml
from archbuilder.model import Architecture, RegionNode, save

CASES = [
    ("AWS::Cognito::UserPoolDomain", "aws.security.Cognito", "Cognito user pool domain"),
    ("AWS::IAM::User", "aws.security.IAM", "IAM user"),
    ("AWS::CloudFormation::WaitCondition", "aws.management.Cloudformation", "CloudFormation wait condition"),
    ("AWS::Logs::MetricFilter", "aws.management.Cloudwatch", "CloudWatch Logs metric filter"),
    ("AWS::WAFv2::IPSet", "aws.security.WAF", "WAF IP set"),
    ("AWS::ElasticLoadBalancingV2::ListenerRule", "aws.network.ELB", "Load balancer listener rule"),
    ("Terraform::aws_iam_user", "aws.security.IAM", "IAM user"),
    ("Terraform::aws_s3_bucket_ownership_controls", "aws.storage.S3", "S3 bucket ownership controls"),
    ("Custom::SeedData", "aws.general.General", "Custom resource SeedData"),
    ("AWS::Unheardof::Thing", "aws.general.General", "Unheardof thing"),
]


@pytest.mark.parametrize(("resource_type", "icon", "name"), CASES, ids=[c[0] for c in CASES])
def test_a_generic_resource_is_drawn_and_named_as_its_own_service(
    resource_type: str, icon: str, name: str
) -> None:
    catalog = default_catalog()
    properties = {"resource_type": resource_type, "raw_properties": {}}
    assert (diagram_class(catalog, "generic", properties), type_name(catalog, "generic", properties)) == (
        icon,
        name,
    )


def test_a_catalog_service_keeps_its_own_icon_and_name() -> None:
    catalog = default_catalog()
    assert diagram_class(catalog, "rds_instance", {}) == catalog.get("rds_instance").diagram_class
    assert type_name(catalog, "rds_instance", {}) == "RDS"


def _design() -> Architecture:
    arch = Architecture()
    arch.add_node(RegionNode(id="region", label="us-east-1", region="us-east-1"))
    arch.add_service(
        "generic",
        "region",
        label="Login domain",
        node_id="domain",
        properties={"resource_type": "AWS::Cognito::UserPoolDomain", "raw_properties": {}},
    )
    return arch


def test_the_diagram_exports_and_the_cli_use_the_same_lookup(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    arch = _design()
    [shape] = build_diagram(arch).shapes
    assert shape.icon_class == "aws.security.Cognito"
    cognito_shape = drawio_shape(arch.catalog, "generic", arch.service("domain").properties)
    assert cognito_shape == default_catalog().get("cognito_user_pool").drawio_shape
    assert f"resIcon={cognito_shape};" in build_xml(arch)
    path = tmp_path / "design.arch.json"
    save(arch, path)
    assert main(["show", str(path)]) == 0
    assert "Login domain [Cognito user pool domain]" in capsys.readouterr().out
