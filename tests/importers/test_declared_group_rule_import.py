"""A service's own declared rule letting in another service's group comes back from both exports as that declared
rule, and the traffic connection drawn beside it keeps its own port: before, the rule was read as a connection, so
the design came back with one connection on the rule's port, no declared rule and the drawn port lost."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from archbuilder.catalog import ConnectionKind as K
from archbuilder.exporters.cloudformation.source_template import cloudformation_template
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.terraform.files import render
from archbuilder.model import Architecture
from tests.importers.round_trips import assert_written_back, imported, terraform_imported
from tests.model.builders import two_az_network

DECLARED = [
    {"protocol": "tcp", "from_port": 3306, "to_port": 3306, "source_id": "App"},
    {"protocol": "tcp", "from_port": 3307, "to_port": 3307, "source_id": "App", "description": "replica"},
]


def app_and_database() -> Architecture:
    """A database declaring MySQL (and a described replica port) open to the application's group, with a traffic
    connection from the application drawn on 5432."""
    arch = two_az_network()
    arch.add_service(
        "ec2_instance", "private-a", label="App", node_id="app", properties={"ami": "ami-0123456789abcdef0"}
    )
    rules = [{**rule, "source_id": "app"} for rule in DECLARED]
    arch.add_service(
        "rds_instance",
        "private-a",
        label="DB",
        node_id="db",
        extra_subnet_ids=["private-b"],
        properties={"ingress": rules},
    )
    arch.connect("app", "db", K.TRAFFIC, port=5432)
    return arch


def declared_and_connected(arch: Architecture) -> tuple[list[dict[str, Any]], set[tuple[str, str, str, Any]]]:
    """(DB's ingress rules, naming their source by label; every connection with its port, by label)."""
    [db] = [node for node in arch.services() if node.label == "DB"]
    rules = [{**rule, "source_id": arch.node(rule["source_id"]).label} for rule in db.properties["ingress"]]
    connections = {
        (arch.node(c.source_id).label, arch.node(c.target_id).label, c.kind.value, c.port)
        for c in arch.connections.values()
    }
    return rules, connections


def test_a_declared_group_rule_comes_back_from_cloudformation(tmp_path: Path) -> None:
    template = build_template(app_and_database())
    resources = template["Resources"]
    assert resources["DBSecurityGroupFromAppRule"]["Properties"]["Description"] == "declared ingress rule"
    assert resources["DBSecurityGroupFromAppRule2"]["Properties"]["Description"] == "replica"
    assert resources["DBSecurityGroupFromApp"]["Properties"]["Description"] == "from App"
    arch, report = imported(template, tmp_path)
    assert report.warnings == []
    assert declared_and_connected(arch) == (DECLARED, {("App", "DB", "traffic", 5432)})
    assert_written_back(arch, template)


def test_a_declared_group_rule_comes_back_from_terraform(tmp_path: Path) -> None:
    files = render(app_and_database())
    arch, report = terraform_imported(files, tmp_path)
    assert report.warnings == []
    assert declared_and_connected(arch) == (DECLARED, {("App", "DB", "traffic", 5432)})
    assert render(arch) == files


def test_a_hand_written_rule_letting_a_group_in_is_still_a_connection(tmp_path: Path) -> None:
    """A rule in neither of the export's forms (its words, or `<group>From<source>Rule`) is read as before."""
    template = build_template(app_and_database())
    resources = template["Resources"]
    for name in ("DBSecurityGroupFromAppRule", "DBSecurityGroupFromAppRule2", "DBSecurityGroupFromApp"):
        del resources[name]
    resources["DatabaseFromApplication"] = {
        "Type": "AWS::EC2::SecurityGroupIngress",
        "Properties": {
            "GroupId": {"Ref": "DBSecurityGroup"},
            "IpProtocol": "tcp",
            "FromPort": 3306,
            "ToPort": 3306,
            "Description": "MySQL from the application",
            "SourceSecurityGroupId": {"Ref": "AppSecurityGroup"},
        },
    }
    arch, _report = imported(template, tmp_path)
    assert declared_and_connected(arch) == ([], {("App", "DB", "traffic", 3306)})
    assert cloudformation_template(arch) == template
