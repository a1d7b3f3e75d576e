"""CloudFormation for the document and graph databases: DocumentDB and Neptune clusters with their subnet groups,
security groups (network.py), encrypted storage, backups and instances spread over the cluster's AZs. DocumentDB's
master password is generated and kept in Secrets Manager (ManageMasterUserPassword), never written; Neptune has no
master user (IAM authentication, when asked, signs the requests)."""

from __future__ import annotations

from typing import Any

from archbuilder.exporters.cloudformation.context import CfnContext, get_att, ref
from archbuilder.exporters.cloudformation.kit import Renderer, prop, written_instead
from archbuilder.exporters.cloudformation.network import zone_value
from archbuilder.model import NodeKind, ServiceNode

# The version a DocumentDB cluster is pinned to when the design names none, so that its parameter group's family
# (docdb5.0) is the engine's.
DOCDB_VERSION = "5.0.0"


def docdb_family(version: str) -> str:
    """5.0.0 -> docdb5.0; 4.0.0 -> docdb4.0; 8.0.0 -> docdb8.0."""
    return "docdb" + ".".join(version.split(".")[:2])


def _zones(ctx: CfnContext, node: ServiceNode) -> list[Any]:
    """The AZs of the cluster's subnets, in order, each once."""
    seen: list[Any] = []
    for subnet in ctx.subnet_nodes(node):
        zone = zone_value(ctx.architecture.enclosing(subnet.id, NodeKind.AZ))
        if zone is not None and zone not in seen:
            seen.append(zone)
    return seen


def _members(ctx: CfnContext, node: ServiceNode, kind: str, cluster: str, extra: dict[str, Any]) -> None:
    """The writer and replicas; with multi_az, placed round the cluster's AZs so a failover target is elsewhere."""
    zones = _zones(ctx, node) if prop(node, "multi_az", True) else []
    instance_class = ctx.parameter(
        f"{cluster}InstanceClass",
        "String",
        str(prop(node, "instance_class", "db.t3.medium")),
        f"Instance class of {node.label}",
    )
    for index in range(max(1, int(prop(node, "instance_count", 2)))):
        props: dict[str, Any] = {
            "DBClusterIdentifier": ref(cluster),
            "DBInstanceClass": instance_class,
            **extra,
        }
        if zones:
            props["AvailabilityZone"] = zones[index % len(zones)]
        ctx.add(ctx.lid(node, f"Instance{index + 1}"), kind, props)


def _documentdb(ctx: CfnContext, node: ServiceNode) -> None:
    group = ctx.add(
        ctx.lid(node, "SubnetGroup"),
        "AWS::DocDB::DBSubnetGroup",
        {"DBSubnetGroupDescription": f"Subnets of {node.label}", "SubnetIds": ctx.subnet_refs(node)},
    )
    version = str(prop(node, "engine_version", "") or "") or written_instead(
        ctx,
        node,
        "engine_version",
        DOCDB_VERSION,
        f"the design names no version, and its own parameter group's family ({docdb_family(DOCDB_VERSION)}) names a "
        "major one",
    )
    parameters = ctx.add(
        ctx.lid(node, "ParameterGroup"),
        "AWS::DocDB::DBClusterParameterGroup",
        {
            "Description": f"Parameters of {node.label}",
            "Family": docdb_family(version),
            # Clients must connect with TLS, and the audit log goes to CloudWatch Logs (exported below).
            "Parameters": {"tls": "enabled", "audit_logs": "enabled"},
        },
    )
    props: dict[str, Any] = {
        "EngineVersion": version,
        "MasterUsername": "dbadmin",
        # Generated and kept in Secrets Manager; never written in the template.
        "ManageMasterUserPassword": True,
        "StorageEncrypted": bool(prop(node, "encrypted", True)),
        "BackupRetentionPeriod": int(prop(node, "backup_retention_days", 7)),
        "DeletionProtection": bool(prop(node, "deletion_protection", True)),
        "StorageType": str(prop(node, "storage_type", "standard")),
        "DBSubnetGroupName": ref(group),
        "DBClusterParameterGroupName": ref(parameters),
        "VpcSecurityGroupIds": ctx.sg_refs(node),
        "EnableCloudwatchLogsExports": ["audit"],
        "Tags": ctx.tags(node),
    }
    cluster = ctx.add(ctx.lid(node), "AWS::DocDB::DBCluster", props)
    _members(ctx, node, "AWS::DocDB::DBInstance", cluster, {})
    ctx.output(f"{cluster}Endpoint", get_att(cluster, "Endpoint"), f"Writer endpoint of {node.label}")
    ctx.output(
        f"{cluster}ReaderEndpoint", get_att(cluster, "ReadEndpoint"), f"Reader endpoint of {node.label}"
    )


def _neptune(ctx: CfnContext, node: ServiceNode) -> None:
    group = ctx.add(
        ctx.lid(node, "SubnetGroup"),
        "AWS::Neptune::DBSubnetGroup",
        {"DBSubnetGroupDescription": f"Subnets of {node.label}", "SubnetIds": ctx.subnet_refs(node)},
    )
    props: dict[str, Any] = {
        "StorageEncrypted": bool(prop(node, "encrypted", True)),
        "BackupRetentionPeriod": int(prop(node, "backup_retention_days", 7)),
        "DeletionProtection": bool(prop(node, "deletion_protection", True)),
        "IamAuthEnabled": bool(prop(node, "iam_database_authentication", False)),
        "DBSubnetGroupName": ref(group),
        "VpcSecurityGroupIds": ctx.sg_refs(node),
        "Tags": ctx.tags(node),
    }
    version = str(prop(node, "engine_version", "") or "")
    if version:
        props["EngineVersion"] = version
    storage = str(prop(node, "storage_type", "standard"))
    if ctx.for_terraform and storage != "standard":
        # Terraform's aws_neptune_cluster takes a storage type; CloudFormation's cluster has none (export_gaps.py).
        props["StorageType"] = storage
    cluster = ctx.add(ctx.lid(node), "AWS::Neptune::DBCluster", props)
    _members(ctx, node, "AWS::Neptune::DBInstance", cluster, {"DBSubnetGroupName": ref(group)})
    ctx.output(f"{cluster}Endpoint", get_att(cluster, "Endpoint"), f"Writer endpoint of {node.label}")
    ctx.output(
        f"{cluster}ReaderEndpoint", get_att(cluster, "ReadEndpoint"), f"Reader endpoint of {node.label}"
    )


# The resource types this module renders; renderers.py merges every module's table.
RENDERERS: dict[str, Renderer] = {
    "documentdb_cluster": _documentdb,
    "neptune_cluster": _neptune,
}
