"""CloudFormation for clustered data stores: Aurora, Redshift and OpenSearch, each encrypted, backed up, kept on
deletion (Snapshot where CloudFormation supports it) and with generated master passwords."""

from __future__ import annotations

from typing import Any

from archbuilder.exporters.cloudformation.context import CfnContext, get_att, ref
from archbuilder.exporters.cloudformation.kit import Renderer, prop, written_instead
from archbuilder.model import ServiceNode
from archbuilder.model.naming import snake


def _subnet_group(ctx: CfnContext, node: ServiceNode, kind: str, description_key: str) -> str:
    return ctx.add(
        ctx.lid(node, "SubnetGroup"),
        kind,
        {description_key: f"Subnets of {node.label}", "SubnetIds": ctx.subnet_refs(node)},
    )


# The version a database with a parameter group of its own is pinned to when the design names none, so that
# the group's family is the engine's (PostgreSQL takes a bare major version and picks its minor version).
PINNED_VERSION = {
    "postgres": "18",
    "mysql": "8.4.8",
    "mariadb": "11.8.5",
    "aurora-postgresql": "17",
    "aurora-mysql": "8.4",
}
# The major version RDS creates when none is named, for the engines not pinned (Oracle, SQL Server).
DEFAULT_MAJOR = {"oracle": "19", "sqlserver": "16"}
# The parameter that makes each engine refuse connections without TLS (Oracle sets it in an option group).
REQUIRE_TLS = {
    "postgres": {"rds.force_ssl": "1"},
    "mysql": {"require_secure_transport": "1"},
    "mariadb": {"require_secure_transport": "1"},
    "sqlserver": {"rds.force_ssl": "1"},
    "aurora-postgresql": {"rds.force_ssl": "1"},
    "aurora-mysql": {"require_secure_transport": "ON"},
}


def _engine_kind(engine: str) -> str:
    """postgres, mysql, oracle (oracle-se2...), sqlserver (sqlserver-se...), aurora-postgresql, aurora-mysql."""
    return engine if engine.startswith("aurora-") else engine.split("-")[0]


def parameter_group_family(engine: str, version: str) -> str:
    """The (cluster) parameter group family of an engine version: postgres18, mysql8.4, oracle-se2-19,
    sqlserver-se-16.0, aurora-postgresql16 for 16.6, aurora-mysql8.0 for 8.0.mysql_aurora.3.08.0."""
    kind = _engine_kind(engine)
    parts = (version or DEFAULT_MAJOR.get(kind, "")).split(".")
    if kind in ("mysql", "mariadb", "aurora-mysql"):
        return f"{engine}{'.'.join(parts[:2])}"
    if kind == "sqlserver":
        return f"{engine}-{int(parts[0])}.0"
    if kind == "oracle":
        return f"{engine}-{parts[0]}"
    return f"{engine}{parts[0]}"


def own_parameter_group(
    ctx: CfnContext, node: ServiceNode, resource_type: str, engine: str, version: str
) -> tuple[str, str]:
    """A parameter group (`AWS::RDS::DBParameterGroup` or `...DBClusterParameterGroup`) of the database's own,
    of its engine's family, requiring TLS from clients; returns it and the engine version, pinned to the
    family's when the design names none (the group's family names a major version: the two must agree)."""
    if not version and engine in PINNED_VERSION:
        family = parameter_group_family(engine, PINNED_VERSION[engine])
        why = (
            f"the design names no version, and its own parameter group's family ({family}) names a major one"
        )
        version = written_instead(ctx, node, "engine_version", PINNED_VERSION[engine], why)
    props: dict[str, Any] = {
        "Description": f"Parameters of {node.label}",
        "Family": parameter_group_family(engine, version),
    }
    parameters = REQUIRE_TLS.get(_engine_kind(engine))
    if parameters:
        props["Parameters"] = parameters
    return ctx.add(ctx.lid(node, "ParameterGroup"), resource_type, props), version


def _aurora(ctx: CfnContext, node: ServiceNode) -> None:
    group = _subnet_group(ctx, node, "AWS::RDS::DBSubnetGroup", "DBSubnetGroupDescription")
    engine = str(prop(node, "engine", "aurora-postgresql"))
    serverless = str(prop(node, "capacity_mode", "provisioned")) == "serverless_v2"
    cluster_props = _aurora_cluster_properties(ctx, node, engine, group, serverless)
    cluster = ctx.add(
        ctx.lid(node),
        "AWS::RDS::DBCluster",
        cluster_props,
        DeletionPolicy="Snapshot",
        UpdateReplacePolicy="Snapshot",
    )
    _aurora_instances(ctx, node, cluster, engine, group, serverless)
    ctx.output(f"{cluster}Endpoint", get_att(cluster, "Endpoint.Address"), f"Writer endpoint of {node.label}")
    ctx.output(
        f"{cluster}ReaderEndpoint",
        get_att(cluster, "ReadEndpoint.Address"),
        f"Reader endpoint of {node.label}",
    )


def _aurora_cluster_properties(
    ctx: CfnContext, node: ServiceNode, engine: str, group: str, serverless: bool
) -> dict[str, Any]:
    """The cluster's settings, with a parameter group of its own unless the design turns that off."""
    cluster_props: dict[str, Any] = {
        "Engine": engine,
        "MasterUsername": "dbadmin",
        # Generated and kept in Secrets Manager; never written in the template.
        "ManageMasterUserPassword": True,
        "StorageEncrypted": bool(prop(node, "encrypted", True)),
        "BackupRetentionPeriod": int(prop(node, "backup_retention_days", 7)),
        "DeletionProtection": bool(prop(node, "deletion_protection", True)),
        "EnableIAMDatabaseAuthentication": bool(prop(node, "iam_database_authentication", False)),
        "DBSubnetGroupName": ref(group),
        "VpcSecurityGroupIds": ctx.sg_refs(node),
        "Tags": ctx.tags(node),
    }
    version = str(prop(node, "engine_version", "") or "")
    if prop(node, "custom_parameter_group", True):
        parameters, version = own_parameter_group(
            ctx, node, "AWS::RDS::DBClusterParameterGroup", engine, version
        )
        cluster_props["DBClusterParameterGroupName"] = ref(parameters)
    if version:
        cluster_props["EngineVersion"] = version
    if prop(node, "storage_type", "aurora") == "aurora-iopt1":
        cluster_props["StorageType"] = "aurora-iopt1"
    if serverless:
        cluster_props["ServerlessV2ScalingConfiguration"] = {
            "MinCapacity": float(prop(node, "min_capacity_acu", 0.5)),
            "MaxCapacity": float(prop(node, "max_capacity_acu", 4)),
        }
    return cluster_props


def _aurora_instances(
    ctx: CfnContext, node: ServiceNode, cluster: str, engine: str, group: str, serverless: bool
) -> None:
    """A writer and readers; with more than one, Aurora places them in different AZs for failover."""
    instance_class = (
        "db.serverless"
        if serverless
        else ctx.parameter(
            f"{cluster}InstanceClass",
            "String",
            str(prop(node, "instance_class", "db.r6g.large")),
            f"Instance class of {node.label}",
        )
    )
    for index in range(max(1, int(prop(node, "instance_count", 2)))):
        ctx.add(
            ctx.lid(node, f"Instance{index + 1}"),
            "AWS::RDS::DBInstance",
            {
                "Engine": engine,
                "DBClusterIdentifier": ref(cluster),
                "DBInstanceClass": instance_class,
                "PubliclyAccessible": bool(prop(node, "publicly_accessible", False)),
                "DBSubnetGroupName": ref(group),
            },
        )


def _redshift(ctx: CfnContext, node: ServiceNode) -> None:
    group = _subnet_group(ctx, node, "AWS::Redshift::ClusterSubnetGroup", "Description")
    nodes = int(prop(node, "num_nodes", 2))
    props: dict[str, Any] = {
        "ClusterType": "multi-node" if nodes > 1 else "single-node",
        "NodeType": ctx.parameter(
            f"{ctx.lid(node)}NodeType",
            "String",
            str(prop(node, "instance_class", "ra3.xlplus")),
            f"Node type of {node.label}",
        ),
        "DBName": "dev",
        "MasterUsername": "dbadmin",
        "ManageMasterPassword": True,
        "Encrypted": bool(prop(node, "encrypted", True)),
        "PubliclyAccessible": bool(prop(node, "publicly_accessible", False)),
        "EnhancedVpcRouting": bool(prop(node, "enhanced_vpc_routing", True)),
        "AutomatedSnapshotRetentionPeriod": int(prop(node, "backup_retention_days", 7)),
        "ClusterSubnetGroupName": ref(group),
        "VpcSecurityGroupIds": ctx.sg_refs(node),
        "Tags": ctx.tags(node),
    }
    if nodes > 1:
        props["NumberOfNodes"] = nodes
    if prop(node, "custom_parameter_group", True):
        props["ClusterParameterGroupName"] = ref(_redshift_parameter_group(ctx, node))
    props |= _snapshot_copy(ctx, node, encrypted=props["Encrypted"])
    if prop(node, "multi_az", False):
        # Redshift Multi-AZ (RA3 node types) keeps a standby compute set in a second AZ.
        props["MultiAZ"] = True
    cluster = ctx.add(
        ctx.lid(node),
        "AWS::Redshift::Cluster",
        props,
        DeletionPolicy="Snapshot",
        UpdateReplacePolicy="Snapshot",
    )
    ctx.output(f"{cluster}Endpoint", get_att(cluster, "Endpoint.Address"), f"Endpoint of {node.label}")


def _redshift_parameter_group(ctx: CfnContext, node: ServiceNode) -> str:
    return ctx.add(
        ctx.lid(node, "ParameterGroup"),
        "AWS::Redshift::ClusterParameterGroup",
        {
            "Description": f"Parameters of {node.label}",
            "ParameterGroupFamily": "redshift-1.0",
            # Clients must connect with TLS.
            "Parameters": [{"ParameterName": "require_ssl", "ParameterValue": "true"}],
        },
    )


def _snapshot_copy(ctx: CfnContext, node: ServiceNode, encrypted: bool) -> dict[str, Any]:
    """Snapshots copied to the region the design names and kept there as long as here; none when it names none."""
    copy_region = str(prop(node, "snapshot_copy_region", "") or "")
    if not copy_region:
        return {}
    copy: dict[str, Any] = {
        "DestinationRegion": copy_region,
        "SnapshotCopyRetentionPeriod": max(1, int(prop(node, "backup_retention_days", 7))),
    }
    if encrypted:
        # Copies of KMS-encrypted snapshots need a grant in the destination region, which a stack (made in its
        # own region) cannot create: it is named here.
        copy["SnapshotCopyGrantName"] = ctx.parameter(
            f"{ctx.lid(node)}SnapshotCopyGrant",
            "String",
            f"{snake(node.label).replace('_', '-')}-snapshot-copy",
            f"Snapshot copy grant in {copy_region} for the snapshots of {node.label}",
        )
    return copy


def _opensearch(ctx: CfnContext, node: ServiceNode) -> None:
    subnets = ctx.subnet_refs(node) if ctx.graph.placements[node.id].vpc_id else []
    count = int(prop(node, "instance_count", 2))
    # Zone awareness needs an even spread over two or three AZs: as many as the domain's subnets, if it has them.
    zones = len(subnets) if subnets else 2
    aware = bool(prop(node, "zone_awareness", True)) and count > 1 and zones in (2, 3)
    cluster: dict[str, Any] = {
        "InstanceType": ctx.parameter(
            f"{ctx.lid(node)}InstanceType",
            "String",
            str(prop(node, "instance_type", "t3.small.search")),
            f"Instance type of {node.label}",
        ),
        "InstanceCount": count,
        "DedicatedMasterEnabled": bool(prop(node, "dedicated_master", False)),
        "ZoneAwarenessEnabled": aware,
    }
    if aware:
        cluster["ZoneAwarenessConfig"] = {"AvailabilityZoneCount": zones}
    props: dict[str, Any] = {
        "EngineVersion": str(prop(node, "engine_version", "OpenSearch_2.11")),
        "ClusterConfig": cluster,
        "EBSOptions": {
            "EBSEnabled": True,
            "VolumeSize": int(prop(node, "volume_size_gb", 10)),
            "VolumeType": str(prop(node, "volume_type", "gp3")),
        },
        "EncryptionAtRestOptions": {"Enabled": bool(prop(node, "encrypted", True))},
        "NodeToNodeEncryptionOptions": {"Enabled": bool(prop(node, "transit_encryption", True))},
        "DomainEndpointOptions": {"EnforceHTTPS": True, "TLSSecurityPolicy": "Policy-Min-TLS-1-2-2019-07"},
        "Tags": ctx.tags(node),
    }
    if subnets:
        props["VPCOptions"] = {
            "SubnetIds": subnets if aware else subnets[:1],
            "SecurityGroupIds": ctx.sg_refs(node),
        }
    domain = ctx.add(
        ctx.lid(node),
        "AWS::OpenSearchService::Domain",
        props,
        DeletionPolicy="Retain",
        UpdateReplacePolicy="Retain",
    )
    ctx.output(f"{domain}Endpoint", get_att(domain, "DomainEndpoint"), f"Endpoint of {node.label}")


# The resource types this module renders; template.py merges every module's table.
RENDERERS: dict[str, Renderer] = {
    "aurora_cluster": _aurora,
    "redshift_cluster": _redshift,
    "opensearch_domain": _opensearch,
}
