"""DocumentDB and Neptune come back from CloudFormation as drawn: each cluster with its settings, its members,
subnet group, security group and parameter group folded into it, and the callers' connections on the engine's
port; the template is written back unchanged, and deleting a cluster takes everything of its own."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from archbuilder.exporters.cloudformation.source_template import cloudformation_template
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.importers.cloudformation import import_template
from archbuilder.model import Architecture
from tests.exporters.cfn_tools import lint
from tests.exporters.test_document_graph_export import document_and_graph
from tests.importers.round_trips import imported


def clusters(arch: Architecture) -> dict[str, tuple[str, list[str], dict[str, Any]]]:
    """label -> (type, subnets, properties) of the design's DocumentDB and Neptune clusters."""
    return {
        node.label: (
            node.type,
            [arch.node(s).label for s in [node.parent_id or "", *node.extra_subnet_ids]],
            dict(node.properties),
        )
        for node in arch.services()
        if node.type in ("documentdb_cluster", "neptune_cluster")
    }


def test_the_clusters_come_back_as_drawn_and_the_template_unchanged(tmp_path: Path) -> None:
    design = document_and_graph()
    template = build_template(design)
    arch, report = imported(template, tmp_path)
    drawn = clusters(design)
    # An empty engine version is written as the version the parameter group's family is for, and recorded so: it
    # reads back empty.
    assert drawn["Catalog docs"][2]["engine_version"] == ""
    assert template["Resources"]["CatalogDocs"]["Properties"]["EngineVersion"] == "5.0.0"
    assert clusters(arch) == drawn
    assert {
        (arch.node(c.source_id).label, arch.node(c.target_id).label, c.kind.value, c.port)
        for c in arch.connections.values()
    } == {
        # The security group rule states the engine's port, which the drawn connection left to the engine.
        ("Api", "Catalog docs", "traffic", 27017),
        ("Api", "Social graph", "traffic", 8182),
    }
    assert report.generic == []
    assert {name for name, _kind in report.folded} >= {
        "CatalogDocsInstance1",
        "CatalogDocsInstance3",
        "CatalogDocsSubnetGroup",
        "CatalogDocsSecurityGroup",
        "CatalogDocsParameterGroup",
        "SocialGraphInstance2",
        "SocialGraphSubnetGroup",
        "SocialGraphSecurityGroup",
    }
    assert cloudformation_template(arch) == template


@pytest.mark.parametrize(
    ("label", "gone"),
    [
        (
            "Catalog docs",
            {
                "CatalogDocs",
                "CatalogDocsInstance1",
                "CatalogDocsInstance2",
                "CatalogDocsInstance3",
                "CatalogDocsSubnetGroup",
                "CatalogDocsSecurityGroup",
                "CatalogDocsSecurityGroupFromApi",
                "CatalogDocsParameterGroup",
            },
        ),
        (
            "Social graph",
            {
                "SocialGraph",
                "SocialGraphInstance1",
                "SocialGraphInstance2",
                "SocialGraphSubnetGroup",
                "SocialGraphSecurityGroup",
                "SocialGraphSecurityGroupFromApi",
            },
        ),
    ],
)
def test_deleting_a_cluster_deletes_its_members_groups_and_parameter(
    label: str, gone: set[str], tmp_path: Path
) -> None:
    template = build_template(document_and_graph())
    arch, _report = imported(template, tmp_path)
    [node] = [n for n in arch.services() if n.label == label]
    arch.remove_node(node.id)
    written = cloudformation_template(arch)
    assert set(template["Resources"]) - set(written["Resources"]) == gone
    # The instance class parameter was the cluster's own; the other cluster's stays.
    parameter = {"Catalog docs": "CatalogDocsInstanceClass", "Social graph": "SocialGraphInstanceClass"}
    assert set(template["Parameters"]) - set(written["Parameters"]) == {parameter[label]}
    assert lint(json.dumps(written), "deleted.json") == []


def test_a_parameter_the_template_declares_without_using_it_stays(tmp_path: Path) -> None:
    template = build_template(document_and_graph())
    template["Parameters"]["Owner"] = {"Type": "String", "Default": "data-team"}
    arch, _report = imported(template, tmp_path)
    [node] = [n for n in arch.services() if n.label == "Social graph"]
    arch.remove_node(node.id)
    assert cloudformation_template(arch)["Parameters"]["Owner"] == {"Type": "String", "Default": "data-team"}


SHARED_GROUP = """\
Resources:
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
  SubnetA:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: !Select [0, !GetAZs '']}
  SubnetB:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24, AvailabilityZone: !Select [1, !GetAZs '']}
  Group:
    Type: AWS::RDS::DBSubnetGroup
    Properties: {DBSubnetGroupDescription: shared, SubnetIds: [!Ref SubnetA, !Ref SubnetB]}
  Orders:
    Type: AWS::RDS::DBInstance
    Properties: {Engine: postgres, DBInstanceClass: db.t4g.micro, AllocatedStorage: '20', DBSubnetGroupName: !Ref Group}
  Ledger:
    Type: AWS::RDS::DBInstance
    Properties: {Engine: postgres, DBInstanceClass: db.t4g.micro, AllocatedStorage: '20', DBSubnetGroupName: !Ref Group}
  Audit:
    Type: AWS::RDS::DBInstance
    Properties: {Engine: postgres, DBInstanceClass: db.t4g.micro, AllocatedStorage: '20', DBSubnetGroupName: !Ref Own}
  Own:
    Type: AWS::RDS::DBSubnetGroup
    Properties: {DBSubnetGroupDescription: audit, SubnetIds: [!Ref SubnetA, !Ref SubnetB]}
"""


DATABASES = {"Orders": "Group", "Ledger": "Group", "Audit": "Own"}


@pytest.mark.parametrize(("deleted", "gone"), [("Audit", {"Audit", "Own"}), ("Orders", {"Orders"})])
def test_a_subnet_group_goes_with_the_one_database_naming_it(
    deleted: str, gone: set[str], tmp_path: Path
) -> None:
    """A group that two databases share stays while one of them does."""
    path = tmp_path / "databases.yaml"
    path.write_text(SHARED_GROUP)
    arch, _report = import_template(path)
    before = cloudformation_template(arch)["Resources"]
    [node] = [n for n in arch.services() if n.label == deleted]
    arch.remove_node(node.id)
    written = cloudformation_template(arch)["Resources"]
    assert set(before) - set(written) == gone
    kept = {
        name: body["Properties"]["DBSubnetGroupName"] for name, body in written.items() if name in DATABASES
    }
    assert kept == {name: {"Ref": group} for name, group in DATABASES.items() if name != deleted}
