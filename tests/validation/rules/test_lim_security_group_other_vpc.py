"""LIM-031 (Security group attached in another VPC): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.model import Architecture, AvailabilityZoneNode, SubnetNode, VpcNode
from archbuilder.validation.rules.lim_security_group_other_vpc import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _second_vpc(arch: Architecture) -> None:
    arch.add_node(VpcNode(id="vpc-2", label="Batch", parent_id="region", cidr="10.1.0.0/16"))
    arch.add_node(AvailabilityZoneNode(id="az-2a", label="AZ a", parent_id="vpc-2", zone="us-east-1a"))
    arch.add_node(
        SubnetNode(id="batch-a", label="Batch a", parent_id="az-2a", cidr="10.1.1.0/24", tier="private")
    )


def _attached_in(subnet: str) -> Build:
    return with_(
        _second_vpc,
        svc(
            "security_group",
            "vpc",
            "web-sg",
            ingress=[{"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr": "10.0.0.0/16"}],
        ),
        svc("ec2_instance", subnet, "worker"),
        connect("web-sg", "worker", ConnectionKind.ATTACH),
    )


CASE = Case(
    ok=_attached_in("private-a"),
    bad=_attached_in("batch-a"),
    expected=[
        (
            ("web-sg", "worker"),
            "Security group “Web-sg” belongs to VPC “Main” but is attached to “Worker” in VPC “Batch”",
        )
    ],
)


def test_lim_security_group_other_vpc() -> None:
    check_case(RULE, CASE)
