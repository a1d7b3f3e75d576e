"""A network a template is given (parameters, literal ids, imports, the default VPC) becomes an existing VPC
with placeholder subnets per tier and zone: its services are placed, drawn and checked like any other, and the
export names the network as the template did and creates none of it."""

from __future__ import annotations

import json
from pathlib import Path

from archbuilder.catalog import ConnectionKind as K
from archbuilder.compare.diff_engine import diff_documents
from archbuilder.compare.diff_sources import cloudformation_document, load_side
from archbuilder.exporters.cloudformation.source_template import cloudformation_template
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.terraform.files import render
from archbuilder.importers.cloudformation import import_template
from archbuilder.model import Architecture, SubnetNode, VpcNode
from archbuilder.model.nodes import ExistingNetwork
from archbuilder.validation import validate
from tests.exporters.cfn_tools import lint
from tests.model.builders import two_az_network

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "corpus" / "archbuilder"
APP = CORPUS / "app-in-existing-vpc.yaml"


def tree(arch: Architecture) -> dict[str, tuple[str, str, str, ExistingNetwork | None]]:
    """Subnet label -> (tier, zone, VPC label, how the template names it)."""
    found = {}
    for node in arch.nodes.values():
        if isinstance(node, SubnetNode):
            zone = arch.node(node.parent_id or "")
            vpc = arch.node(zone.parent_id or "")
            found[node.label] = (node.tier.value, zone.label, vpc.label, node.existing)
    return found


def test_subnets_given_as_parameters_become_placeholders_per_tier_and_zone() -> None:
    arch, report = import_template(APP)
    assert tree(arch) == {
        "PublicSubnetIds 1": (
            "public",
            "AZ a",
            "VpcId",
            ExistingNetwork(parameter="PublicSubnetIds", index=0),
        ),
        "PublicSubnetIds 2": (
            "public",
            "AZ b",
            "VpcId",
            ExistingNetwork(parameter="PublicSubnetIds", index=1),
        ),
        "PrivateSubnetIds 1": (
            "private",
            "AZ a",
            "VpcId",
            ExistingNetwork(parameter="PrivateSubnetIds", index=0),
        ),
        "PrivateSubnetIds 2": (
            "private",
            "AZ b",
            "VpcId",
            ExistingNetwork(parameter="PrivateSubnetIds", index=1),
        ),
        "DataSubnet1": ("private", "AZ a", "VpcId", ExistingNetwork(parameter="DataSubnet1")),
        "DataSubnet2": ("private", "AZ b", "VpcId", ExistingNetwork(parameter="DataSubnet2")),
    }
    [vpc] = [n for n in arch.nodes.values() if isinstance(n, VpcNode)]
    assert vpc.existing == ExistingNetwork(parameter="VpcId")
    placed = {
        s.label: (arch.node(s.parent_id or "").label, [arch.node(e).label for e in s.extra_subnet_ids])
        for s in arch.services()
    }
    assert placed == {
        "Internet gateway": ("VpcId", []),
        "LoadBalancer": ("PublicSubnetIds 1", ["PublicSubnetIds 2"]),
        "AppServers": ("PrivateSubnetIds 1", ["PrivateSubnetIds 2"]),
        "Database": ("DataSubnet1", ["DataSubnet2"]),
    }
    assert report.generic == []
    assert report.warnings == [
        "VpcId: an existing VPC the template is given; its subnets are placeholders (10.100.0.0/16 is not its range)"
    ]
    # Checked like any other: the database is private (its subnets say so), Multi-AZ across two zones.
    database = arch.service("database").properties
    assert (database["publicly_accessible"], database["multi_az"], database["allocated_storage_gb"]) == (
        False,
        True,
        50,
    )
    assert not [f for f in validate(arch).findings if f.severity.value == "error"]


def test_the_export_names_the_network_as_given_and_creates_none(tmp_path: Path) -> None:
    arch, _report = import_template(APP)
    assert diff_documents(
        load_side(APP), cloudformation_document("export", cloudformation_template(arch))
    ).empty
    arch.add_service("lambda_function", "privatesubnetids-1", label="Reports", node_id="reports")
    arch.connect("reports", "database", K.TRAFFIC)
    template = cloudformation_template(arch)
    kinds = {body["Type"] for body in template["Resources"].values()}
    assert not kinds & {
        "AWS::EC2::VPC",
        "AWS::EC2::Subnet",
        "AWS::EC2::RouteTable",
        "AWS::EC2::InternetGateway",
    }
    reports = template["Resources"]["Reports"]["Properties"]
    assert reports["VpcConfig"]["SubnetIds"] == [{"Fn::Select": [0, {"Ref": "PrivateSubnetIds"}]}]
    assert template["Resources"]["ReportsSecurityGroup"]["Properties"]["VpcId"] == {"Ref": "VpcId"}
    assert [error for error in lint(json.dumps(template), "template.json") if error.startswith("E")] == []
    main_tf = render(arch)["main.tf"]
    assert "vpc_zone_identifier       = [var.private_subnet_ids[0], var.private_subnet_ids[1]]" in main_tf


def test_a_design_with_an_existing_network_declares_what_it_is_given() -> None:
    arch = two_az_network()
    arch.set_container_field("vpc", "existing", ExistingNetwork(parameter="SharedVpc"))
    for index, letter in enumerate("ab"):
        arch.set_container_field(
            f"private-{letter}", "existing", ExistingNetwork(parameter="SharedPrivateSubnets", index=index)
        )
    arch.add_service("lambda_function", "private-a", node_id="fn", extra_subnet_ids=["private-b"])
    template = build_template(arch)
    assert {name: template["Parameters"][name]["Type"] for name in ("SharedVpc", "SharedPrivateSubnets")} == {
        "SharedVpc": "AWS::EC2::VPC::Id",
        "SharedPrivateSubnets": "List<AWS::EC2::Subnet::Id>",
    }
    assert {body["Type"] for body in template["Resources"].values()} & {
        "AWS::EC2::VPC",
        "AWS::EC2::Subnet",
    } == set()


def test_literal_ids_and_imports_name_placeholders_written_back_as_they_were(tmp_path: Path) -> None:
    path = tmp_path / "shared.yaml"
    path.write_text(
        "Resources:\n"
        "  Worker:\n"
        "    Type: AWS::EC2::Instance\n"
        "    Properties:\n"
        "      ImageId: ami-0123456789abcdef0\n"
        "      InstanceType: t3.micro\n"
        "      SubnetId: subnet-0a1b2c3d4e5f60718\n"
        "  Queue:\n"
        "    Type: AWS::EC2::SecurityGroup\n"
        "    Properties:\n"
        "      GroupDescription: shared\n"
        "      VpcId: !ImportValue network-VpcId\n"
    )
    arch, report = import_template(path)
    assert tree(arch) == {
        "subnet-0a1b2c3d4e5f60718": (
            "private",
            "AZ a",
            "Existing VPC",
            ExistingNetwork(value="subnet-0a1b2c3d4e5f60718"),
        )
    }
    [vpc] = [n for n in arch.nodes.values() if isinstance(n, VpcNode)]
    assert vpc.existing == ExistingNetwork(value={"Fn::ImportValue": "network-VpcId"})
    assert report.generic == []
    assert diff_documents(
        load_side(path), cloudformation_document("export", cloudformation_template(arch))
    ).empty


def test_what_the_template_gives_no_network_is_in_the_default_vpc(tmp_path: Path) -> None:
    path = tmp_path / "db.yaml"
    path.write_text(
        "Resources:\n"
        "  Db:\n"
        "    Type: AWS::RDS::DBInstance\n"
        "    Properties: {Engine: mysql, DBInstanceClass: db.t3.micro, AllocatedStorage: '20', MasterUsername: a,"
        " ManageMasterUserPassword: true}\n"
    )
    arch, report = import_template(path)
    database = arch.service("db")
    assert tree(arch)[arch.node(database.parent_id or "").label] == (
        "public",
        "AZ a",
        "Default VPC",
        ExistingNetwork(),
    )
    # AWS: without a subnet group an instance is in the default VPC and publicly accessible.
    assert database.properties["publicly_accessible"] is True
    assert ("SEC-004", ("db",)) in {(f.rule_id, f.node_ids) for f in validate(arch).findings}
    assert report.warnings[-1].startswith("Default VPC: services the template gives no network")
