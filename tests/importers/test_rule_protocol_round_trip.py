"""A declared rule for every protocol ("all") comes back from both exports as the design wrote it. The export writes
it as IpProtocol -1 with the ports -1 (Terraform: protocol "-1", from_port and to_port -1), which the import read as
protocol "-1" with ports -1/-1: the template was unchanged but the design's value was not. A rule for every
protocol that states ports keeps them, and a protocol given by its number reads as its name."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from archbuilder.catalog import ConnectionKind as K
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.terraform.files import render
from archbuilder.importers.group_nodes import ingress_rule
from archbuilder.model import Architecture
from tests.importers.round_trips import assert_written_back, connections, imported, terraform_imported
from tests.model.builders import two_az_network

AMI = "ami-0123456789abcdef0"
APP_RULES = [
    {"protocol": "all", "cidr": "10.0.0.0/16"},
    {"protocol": "all", "from_port": 0, "to_port": 65535, "cidr": "10.2.0.0/16", "description": "every port"},
    {"protocol": "udp", "from_port": 53, "to_port": 53, "cidr": "10.0.0.0/16"},
]
OFFICE_RULES = [
    {"protocol": "all", "cidr": "198.51.100.0/24", "description": "office"},
    {"protocol": "all", "source_id": "Web"},
]


def design() -> Architecture:
    """An instance whose own group declares rules for every protocol, and a drawn group declaring one by address
    and one letting in another service's group, attached to it."""
    arch = two_az_network()
    arch.add_service("ec2_instance", "private-a", label="Web", node_id="web", properties={"ami": AMI})
    arch.add_service(
        "ec2_instance", "private-a", label="App", node_id="app", properties={"ami": AMI, "ingress": APP_RULES}
    )
    arch.add_service(
        "security_group",
        "vpc",
        label="Office",
        node_id="office",
        properties={
            "group_description": "From the office",
            "ingress": [OFFICE_RULES[0], {**OFFICE_RULES[1], "source_id": "web"}],
        },
    )
    arch.connect("office", "app", K.ATTACH)
    return arch


def ingress_by_label(arch: Architecture) -> dict[str, list[dict[str, Any]]]:
    """label -> its declared rules, the node a rule names given by its label."""

    def named(rule: dict[str, Any]) -> dict[str, Any]:
        source = rule.get("source_id")
        return {**rule, "source_id": arch.node(source).label} if source else rule

    return {
        node.label: [named(rule) for rule in node.properties["ingress"]]
        for node in arch.services()
        if node.properties.get("ingress")
    }


EXPECTED = {"App": APP_RULES, "Office": OFFICE_RULES}
ATTACHED = {("Office", "App", "attach")}


def test_rules_for_every_protocol_come_back_from_cloudformation_as_written(tmp_path: Path) -> None:
    source = design()
    template = build_template(source)
    app_group = template["Resources"]["AppSecurityGroup"]["Properties"]["SecurityGroupIngress"]
    assert [(r["IpProtocol"], r["FromPort"], r["ToPort"]) for r in app_group] == [
        ("-1", -1, -1),
        ("-1", 0, 65535),
        ("udp", 53, 53),
    ]
    arch, report = imported(template, tmp_path)
    assert report.warnings == [] and report.generic == []
    assert ingress_by_label(arch) == ingress_by_label(source) == EXPECTED
    assert connections(arch) == connections(source) == ATTACHED
    assert_written_back(arch, template)


def test_rules_for_every_protocol_come_back_from_terraform_as_written(tmp_path: Path) -> None:
    files = render(design())
    assert 'protocol    = "-1"\n    from_port   = -1\n    to_port     = -1' in files["main.tf"]
    arch, report = terraform_imported(files, tmp_path)
    assert report.warnings == [] and report.generic == []
    assert ingress_by_label(arch) == EXPECTED
    assert connections(arch) == ATTACHED
    assert render(arch) == files


def test_a_protocol_number_reads_as_its_name_and_ports_other_than_minus_one_stay() -> None:
    assert ingress_rule({"IpProtocol": "-1", "FromPort": -1, "ToPort": -1, "CidrIp": "10.0.0.0/8"}) == {
        "protocol": "all",
        "cidr": "10.0.0.0/8",
    }
    assert ingress_rule({"IpProtocol": -1, "CidrIp": "10.0.0.0/8"}) == {
        "protocol": "all",
        "cidr": "10.0.0.0/8",
    }
    assert ingress_rule({"IpProtocol": "-1", "FromPort": 0, "ToPort": 0, "CidrIp": "10.0.0.0/8"}) == {
        "protocol": "all",
        "cidr": "10.0.0.0/8",
        "from_port": 0,
        "to_port": 0,
    }
    assert ingress_rule({"IpProtocol": 17, "FromPort": 53, "ToPort": 53, "CidrIp": "10.0.0.0/8"}) == {
        "protocol": "udp",
        "cidr": "10.0.0.0/8",
        "from_port": 53,
        "to_port": 53,
    }
