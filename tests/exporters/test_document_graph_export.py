"""DocumentDB and Neptune export to both formats like the relational stores: subnet groups from the subnets they
span, a security group opened to what connects to them on the engine's port, encrypted storage, backups, a
generated master password kept in Secrets Manager (never a literal), and instances spread over the AZs."""

from __future__ import annotations

import json

from archbuilder.catalog import ConnectionKind as K
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.model import Architecture
from tests.exporters.cfn_tools import lint
from tests.exporters.design_tags import design_tags
from tests.exporters.tf_correspondence import check
from tests.model.builders import two_az_network


def document_and_graph() -> Architecture:
    arch = two_az_network()
    add = arch.add_service
    add(
        "documentdb_cluster",
        "private-a",
        label="Catalog docs",
        node_id="docs",
        extra_subnet_ids=["private-b"],
        properties={"instance_count": 3, "storage_type": "iopt1"},
    )
    add(
        "neptune_cluster",
        "private-a",
        label="Social graph",
        node_id="graph",
        extra_subnet_ids=["private-b"],
        properties={"iam_database_authentication": True, "engine_version": "1.3.2.1", "multi_az": False},
    )
    add("lambda_function", "private-a", label="Api", node_id="api", extra_subnet_ids=["private-b"])
    arch.connect("api", "docs", K.TRAFFIC)
    arch.connect("api", "graph", K.TRAFFIC)
    return arch


def test_the_clusters_pass_cfn_lint_without_a_password_in_the_template() -> None:
    template = build_template(document_and_graph())
    assert lint(json.dumps(template), "document-graph.json") == []
    assert '"MasterUserPassword"' not in json.dumps(template)


def test_documentdb_is_encrypted_backed_up_and_spread_over_the_azs() -> None:
    resources = build_template(document_and_graph())["Resources"]
    assert resources["CatalogDocs"] == {
        "Type": "AWS::DocDB::DBCluster",
        "DeletionPolicy": "Snapshot",
        "UpdateReplacePolicy": "Snapshot",
        "Properties": {
            "EngineVersion": "5.0.0",
            "MasterUsername": "dbadmin",
            "ManageMasterUserPassword": True,
            "StorageEncrypted": True,
            "BackupRetentionPeriod": 7,
            "DeletionProtection": True,
            "StorageType": "iopt1",
            "DBSubnetGroupName": {"Ref": "CatalogDocsSubnetGroup"},
            "DBClusterParameterGroupName": {"Ref": "CatalogDocsParameterGroup"},
            "VpcSecurityGroupIds": [{"Ref": "CatalogDocsSecurityGroup"}],
            "EnableCloudwatchLogsExports": ["audit"],
            "Tags": [{"Key": "Name", "Value": "Catalog docs"}, *design_tags()],
        },
    }
    assert resources["CatalogDocsParameterGroup"]["Properties"]["Family"] == "docdb5.0"
    assert resources["CatalogDocsSubnetGroup"]["Properties"]["SubnetIds"] == [
        {"Ref": "PrivateA"},
        {"Ref": "PrivateB"},
    ]
    zones = [resources[f"CatalogDocsInstance{n}"]["Properties"]["AvailabilityZone"] for n in (1, 2, 3)]
    assert zones == [
        {"Fn::Select": [0, {"Fn::GetAZs": ""}]},
        {"Fn::Select": [1, {"Fn::GetAZs": ""}]},
        {"Fn::Select": [0, {"Fn::GetAZs": ""}]},
    ]
    ingress = resources["CatalogDocsSecurityGroupFromApi"]["Properties"]
    assert (ingress["FromPort"], ingress["SourceSecurityGroupId"]) == (27017, {"Ref": "ApiSecurityGroup"})


def test_neptune_takes_iam_authentication_and_its_port() -> None:
    resources = build_template(document_and_graph())["Resources"]
    cluster = resources["SocialGraph"]["Properties"]
    assert (cluster["IamAuthEnabled"], cluster["EngineVersion"], cluster["StorageEncrypted"]) == (
        True,
        "1.3.2.1",
        True,
    )
    # Not asked to spread: the instances take whichever AZ of the subnet group Neptune gives them.
    assert "AvailabilityZone" not in resources["SocialGraphInstance1"]["Properties"]
    assert resources["SocialGraphSecurityGroupFromApi"]["Properties"]["FromPort"] == 8182


def test_the_terraform_corresponds_with_final_snapshots_and_a_managed_password() -> None:
    found = check(document_and_graph())
    docs = found[("aws_docdb_cluster", "catalog_docs")]
    assert (docs["manage_master_user_password"], docs["skip_final_snapshot"], docs["storage_type"]) == (
        True,
        False,
        "iopt1",
    )
    assert docs["lifecycle"] == [{"prevent_destroy": True}]
    assert found[("aws_docdb_cluster_parameter_group", "catalog_docs_parameter_group")]["parameter"] == [
        {"name": "tls", "value": "enabled"},
        {"name": "audit_logs", "value": "enabled"},
    ]
    assert found[("aws_docdb_cluster_instance", "catalog_docs_instance2")]["availability_zone"] == (
        "${data.aws_availability_zones.available.names[1]}"
    )
    graph = found[("aws_neptune_cluster", "social_graph")]
    assert (graph["iam_database_authentication_enabled"], graph["neptune_subnet_group_name"]) == (
        True,
        "${aws_neptune_subnet_group.social_graph_subnet_group.name}",
    )
