"""Security groups drawn as nodes come back from both exports as drawn: in their VPC, with their description, CIDR
rules, rules letting in another group (naming its node) and outbound rule, attached to the services that name
them; exported again, nothing differs. A hand-written template's shared group is such a node, read as written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from archbuilder.cli.main import main
from archbuilder.exporters.cloudformation.source_template import cloudformation_template
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.terraform.files import render
from archbuilder.importers.cloudformation import import_template
from archbuilder.model import Architecture, save
from archbuilder.validation import validate
from tests.exporters.test_security_group_nodes import group_nodes
from tests.importers.round_trips import connections, container, imported, terraform_imported

GROUPS = {
    "Bastion access": (
        "Main",
        {
            "group_description": "SSH from the office",
            "ingress": [
                {
                    "protocol": "tcp",
                    "from_port": 22,
                    "to_port": 22,
                    "cidr": "198.51.100.0/24",
                    "description": "office",
                }
            ],
            "allow_all_egress": False,
        },
    ),
    "Monitoring": (
        "Main",
        {
            "group_description": "Managed by archbuilder",
            "ingress": [
                {"protocol": "tcp", "from_port": 9100, "to_port": 9100, "source_id": "Bastion access"}
            ],
            "allow_all_egress": True,
        },
    ),
}
ATTACHED = {
    ("Bastion access", "Orders", "attach"),
    ("Bastion access", "Worker", "attach"),
    ("Monitoring", "Worker", "attach"),
    ("Worker", "Orders", "traffic"),
}


def groups(arch: Architecture) -> dict[str, tuple[str, dict[str, Any]]]:
    """label -> (its container, its properties with the nodes its rules name given by label)."""

    def named(rule: dict[str, Any]) -> dict[str, Any]:
        source = rule.get("source_id")
        return {**rule, "source_id": arch.node(source).label} if source else rule

    return {
        node.label: (
            container(arch, node.parent_id),
            {**node.properties, "ingress": [named(rule) for rule in node.properties["ingress"]]},
        )
        for node in arch.services()
        if node.type == "security_group"
    }


def test_drawn_groups_come_back_from_cloudformation_as_drawn(tmp_path: Path) -> None:
    design = group_nodes()
    template = build_template(design)
    arch, report = imported(template, tmp_path)
    assert report.generic == [] and report.warnings == []
    assert groups(arch) == groups(design) == GROUPS
    assert connections(arch) == connections(design) == ATTACHED
    assert cloudformation_template(arch) == template
    # The design itself came back: rendered without the template it was imported from, it writes that template.
    arch.set_imported_source(None)
    assert build_template(arch) == template


def test_drawn_groups_come_back_from_terraform_as_drawn(tmp_path: Path) -> None:
    design = group_nodes()
    files = render(design)
    arch, report = terraform_imported(files, tmp_path)
    assert report.generic == [] and report.warnings == []
    assert groups(arch) == GROUPS
    assert connections(arch) == ATTACHED
    assert render(arch) == files


@pytest.mark.parametrize("fmt", ["cloudformation", "cloudformation-json"])
def test_the_diff_command_sees_no_difference_after_a_round_trip(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    design = tmp_path / "groups.arch.json"
    save(group_nodes(), design)
    assert main(["export", str(design), "--format", fmt, "-o", str(tmp_path / "out"), "--quiet"]) == 0
    [template] = sorted((tmp_path / "out").iterdir())
    back = tmp_path / "back.arch.json"
    assert main(["import", str(template), "-o", str(back)]) == 0
    again = tmp_path / "again"
    assert main(["export", str(back), "--format", fmt, "-o", str(again), "--quiet"]) == 0
    [written] = sorted(again.iterdir())
    capsys.readouterr()
    assert main(["diff", str(template), str(written)]) == 0
    assert main(["diff", str(design), str(back)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"no difference between {template} and {written}",
        f"no difference between {design} and {back}",
    ]


SHARED = """\
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.0.0.0/16}
  SubnetA:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: !Select [0, !GetAZs '']}
  Admin:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: Administration from anywhere
      VpcId: !Ref Vpc
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}
      SecurityGroupEgress:
        - {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0}
  OneSecurityGroup:
    Type: AWS::EC2::SecurityGroup
    Properties: {GroupDescription: One's own, VpcId: !Ref Vpc}
  One:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0123456789abcdef0
      SubnetId: !Ref SubnetA
      SecurityGroupIds: [!Ref OneSecurityGroup, !Ref Admin]
  Two:
    Type: AWS::EC2::Instance
    Properties: {ImageId: ami-0123456789abcdef0, SubnetId: !Ref SubnetA, SecurityGroupIds: [!Ref Admin]}
"""


def test_a_shared_group_of_a_template_is_a_node_read_as_written(tmp_path: Path) -> None:
    """Before, the shared group came in with the catalog's defaults (no rules) and attached to nothing, so SSH
    open to the world went unreported (SEC-001)."""
    path = tmp_path / "shared.yaml"
    path.write_text(SHARED)
    arch, report = import_template(path)
    assert groups(arch) == {
        "Admin": (
            "Vpc",
            {
                "group_description": "Administration from anywhere",
                "ingress": [{"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr": "0.0.0.0/0"}],
                "allow_all_egress": False,
            },
        )
    }
    assert connections(arch) == {("Admin", "One", "attach"), ("Admin", "Two", "attach")}
    # One's own group (named after it) folds into it; the shared group beside it does not.
    assert ("OneSecurityGroup", "AWS::EC2::SecurityGroup") in report.folded
    assert sorted(f.node_ids for f in validate(arch).findings if f.rule_id == "SEC-001") == [("admin",)]
    assert cloudformation_template(arch) == import_template(path)[0].imported.template  # type: ignore[union-attr]
