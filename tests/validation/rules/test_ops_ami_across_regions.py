"""OPS-022 (One AMI id used in several regions): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.model import Architecture, AvailabilityZoneNode, RegionNode, SubnetNode, VpcNode
from archbuilder.validation import validate
from archbuilder.validation.rules.ops_ami_across_regions import RULE
from tests.validation.builders import Case, Step, check_case, svc, with_


def _europe(arch: Architecture) -> None:
    arch.add_node(RegionNode(id="eu", label="Europe", region="eu-west-1", x=1300, width=600, height=500))
    arch.add_node(VpcNode(id="eu-vpc", label="EU", parent_id="eu", cidr="10.8.0.0/16"))
    arch.add_node(AvailabilityZoneNode(id="eu-az", label="AZ", parent_id="eu-vpc", zone="eu-west-1a"))
    arch.add_node(
        SubnetNode(id="eu-private", label="Private", parent_id="eu-az", cidr="10.8.1.0/24", tier="private")
    )


def _boxes(eu_ami: str) -> Step:
    def build(arch: Architecture) -> None:
        _europe(arch)
        svc("ec2_instance", "private-a", "us-box", ami="ami-0abc1234")(arch)
        svc("ec2_instance", "eu-private", "eu-box", ami=eu_ami)(arch)

    return build


CASE = Case(
    ok=with_(_boxes("ami-0def5678")),
    bad=with_(_boxes("ami-0abc1234")),
    expected=[
        (
            ("eu-box", "us-box"),
            "ami-0abc1234 is launched in eu-west-1 and us-east-1 (by “Eu-box”, “Us-box”), but an AMI exists in one "
            "region only",
        )
    ],
)


def test_ops_ami_across_regions() -> None:
    check_case(RULE, CASE)


def test_ssm_parameter_references_resolve_in_every_region() -> None:
    arch = with_(
        _boxes("resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64")
    )()
    assert validate(arch, [RULE]).findings == []
