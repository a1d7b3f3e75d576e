"""Every example and every generated design deploys in moto with the declared stand-ins (moto_stand_ins.py), and describe calls find the
topology the design draws: subnets in their zones, Multi-AZ databases across the design's zones, the security
group chain of the connections, private subnets leaving through the NAT gateway of their own zone, and scaling
groups across their zones with their target tracking policy (moto_topology.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from moto import mock_aws

from archbuilder.model import Architecture, load
from archbuilder.resource_files import example_names, example_path
from tests.exporters import moto_topology as topology
from tests.exporters.test_cloudformation_generated import SEEDS, generated

CHECKS = {
    "subnets per zone": topology.subnets_per_zone,
    "Multi-AZ databases": topology.databases_multi_az,
    "security group chain": topology.security_group_chain,
    "NAT gateway per zone": topology.nat_per_zone,
    "scaling groups and policies": topology.scaling_groups,
}


def example(name: str) -> Architecture:
    return load(Path(str(example_path(name))))


def deployed_topology(arch: Architecture, edit: Any = None) -> dict[str, tuple[Any, Any]]:
    with mock_aws():
        topology.deploy(arch, "topology", edit)
        region = topology.region_of(arch)
        return {name: check(arch, region) for name, check in CHECKS.items()}


@pytest.mark.parametrize("name", example_names())
def test_every_example_deploys_with_the_topology_it_draws(name: str) -> None:
    found = deployed_topology(example(name))
    differing = {check: pair for check, pair in found.items() if pair[0] != pair[1]}
    assert differing == {}


@pytest.mark.parametrize("seed", SEEDS)
def test_every_generated_design_deploys_with_the_topology_it_draws(seed: int) -> None:
    found = deployed_topology(generated(seed))
    differing = {check: pair for check, pair in found.items() if pair[0] != pair[1]}
    assert differing == {}
    # Every generated design has a network of two zones, each with its NAT gateway.
    assert found["NAT gateway per zone"][1].keys() == {"us-east-1a", "us-east-1b"}


def test_the_three_tier_topology_is_read_back_from_moto() -> None:
    """The checks above compare like with like; here what they read for one example is spelled out."""
    found = {
        check: deployed for check, (_drawn, deployed) in deployed_topology(example("three-tier-web")).items()
    }
    assert found == {
        "subnets per zone": {
            "us-east-1a": ["10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24"],
            "us-east-1b": ["10.0.10.0/24", "10.0.11.0/24", "10.0.12.0/24"],
        },
        "Multi-AZ databases": {"Orders database": (True, ["us-east-1a", "us-east-1b"])},
        "security group chain": [("App servers", "Orders database"), ("Web load balancer", "App servers")],
        # Each zone's two private subnets (app, data) leave through the zone's own NAT gateway.
        "NAT gateway per zone": {"us-east-1a": ["us-east-1a"] * 2, "us-east-1b": ["us-east-1b"] * 2},
        "scaling groups and policies": {"App servers": (2, 6, ["us-east-1a", "us-east-1b"], 50.0)},
    }


def _one_nat_for_both_zones(template: dict[str, Any]) -> None:
    resources = template["Resources"]
    [first, second] = sorted(n for n, b in resources.items() if b["Type"] == "AWS::EC2::NatGateway")
    for body in resources.values():
        if body["Type"] == "AWS::EC2::Route" and body["Properties"].get("NatGatewayId") == {"Ref": second}:
            body["Properties"]["NatGatewayId"] = {"Ref": first}


def _database_in_one_zone(template: dict[str, Any]) -> None:
    for body in template["Resources"].values():
        if body["Type"] == "AWS::RDS::DBInstance":
            body["Properties"]["MultiAZ"] = False


def _no_rule_from_the_balancer(template: dict[str, Any]) -> None:
    del template["Resources"]["AppServersSecurityGroupFromWebLoadBalancer"]


@pytest.mark.parametrize(
    ("edit", "check"),
    [
        (_one_nat_for_both_zones, "NAT gateway per zone"),
        (_database_in_one_zone, "Multi-AZ databases"),
        (_no_rule_from_the_balancer, "security group chain"),
    ],
)
def test_a_deploy_that_departs_from_the_design_is_caught(edit: Any, check: str) -> None:
    found = deployed_topology(example("three-tier-web"), edit)
    assert [name for name, (drawn, deployed) in found.items() if drawn != deployed] == [check]
