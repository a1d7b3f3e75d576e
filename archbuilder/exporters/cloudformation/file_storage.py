"""CloudFormation for file and archive storage: FSx file systems of the four kinds, each with the settings its kind
takes, and what CloudFormation cannot declare, named as steps: a Glacier vault (no resource type, and the vault
service takes no new customers) and a Storage Gateway (an appliance activated by hand; the role its file shares use
on the buckets it is connected to is written)."""

from __future__ import annotations

from typing import Any

from archbuilder.catalog import ConnectionKind
from archbuilder.exporters.cloudformation.context import CfnContext, ref
from archbuilder.exporters.cloudformation.fsx_capacities import storage_capacity, throughput_capacity
from archbuilder.exporters.cloudformation.kit import (
    Renderer,
    by_hand,
    prop,
    route_tables_of,
    service_role,
    targets_of,
)
from archbuilder.model import ServiceNode


def _fsx_configuration(ctx: CfnContext, node: ServiceNode, kind: str) -> tuple[str, dict[str, Any]]:
    """The kind's configuration key and settings: deployment type from multi_az and the subnets, throughput."""
    subnets = ctx.subnet_refs(node)
    multi = bool(prop(node, "multi_az", True)) and len(subnets) > 1
    if kind == "LUSTRE":
        return "LustreConfiguration", {"DeploymentType": "PERSISTENT_2", "PerUnitStorageThroughput": 125}
    if kind == "WINDOWS":
        directory = ctx.parameter(
            f"{ctx.lid(node)}DirectoryId",
            "String",
            None,
            f"AWS Managed Microsoft AD directory {node.label} joins",
        )
        by_hand(
            ctx,
            node,
            f"give the id of the Active Directory the file system joins as {ctx.lid(node)}DirectoryId",
        )
        settings: dict[str, Any] = {
            "ActiveDirectoryId": directory,
            "DeploymentType": "MULTI_AZ_1" if multi else "SINGLE_AZ_2",
            "ThroughputCapacity": int(prop(node, "throughput_capacity_mbps", 32)),
            "AutomaticBackupRetentionDays": 7,
        }
        if multi:
            settings["PreferredSubnetId"] = subnets[0]
        return "WindowsConfiguration", settings
    if kind not in ("ONTAP", "OPENZFS"):
        by_hand(
            ctx,
            node,
            f"add the settings of an FSx file system of kind {kind!r}: the export knows no such kind",
        )
        return "", {}
    key = "OntapConfiguration" if kind == "ONTAP" else "OpenZFSConfiguration"
    single = "SINGLE_AZ_1" if kind == "ONTAP" else "SINGLE_AZ_2"
    settings = {
        "DeploymentType": "MULTI_AZ_1" if multi else single,
        "ThroughputCapacity": throughput_capacity(ctx, node, kind),
        "PreferredSubnetId": subnets[0],
    }
    if multi:
        vpc_id = ctx.graph.placements[node.id].vpc_id or ""
        settings["RouteTableIds"] = [ref(table) for table in route_tables_of(ctx, vpc_id)]
    return key, settings


def _fsx(ctx: CfnContext, node: ServiceNode) -> None:
    kind = str(prop(node, "file_system_type", "WINDOWS"))
    subnets = ctx.subnet_refs(node)
    key, settings = _fsx_configuration(ctx, node, kind)
    multi = settings.get("DeploymentType") == "MULTI_AZ_1"
    if bool(prop(node, "multi_az", True)) and not multi and kind != "LUSTRE":
        by_hand(ctx, node, "place the file system in a second subnet for its standby file server")
    ctx.add(
        ctx.lid(node),
        "AWS::FSx::FileSystem",
        {
            "FileSystemType": kind,
            "StorageCapacity": storage_capacity(ctx, node, kind),
            # A single-AZ file system takes one subnet, a Multi-AZ one two.
            "SubnetIds": subnets[:2] if multi else subnets[:1],
            "SecurityGroupIds": ctx.sg_refs(node),
            **({key: settings} if key else {}),
            "Tags": ctx.tags(node),
        },
    )


def _glacier(ctx: CfnContext, node: ServiceNode) -> None:
    lock = (
        " and lock its compliance policy (initiate, then complete the vault lock)"
        if prop(node, "vault_lock", False)
        else ""
    )
    by_hand(
        ctx,
        node,
        f"create the vault{lock} with the Glacier API (aws glacier create-vault): CloudFormation has no vault "
        "resource, and the vault service takes no new customers since 2025-12-15 (new archives go to an S3 bucket "
        "with a Glacier storage class)",
    )


SHARES = {
    "FILE_S3": "NFS or SMB file shares",
    "FILE_FSX_SMB": "the FSx file system it caches",
    "CACHED": "cached volumes",
    "STORED": "stored volumes",
    "VTL": "virtual tapes",
}


def _storage_gateway(ctx: CfnContext, node: ServiceNode) -> None:
    kind = str(prop(node, "gateway_type", "FILE_S3"))
    buckets = [t for t, _ in targets_of(ctx, node, *ConnectionKind) if t.type == "s3_bucket"]
    role = ""
    if buckets:
        # The role the file shares act as on the buckets; the connections grant it (template.py).
        role = service_role(ctx, node, "storagegateway.amazonaws.com")
    shares = SHARES.get(kind, "shares")
    on = f" on {', '.join(b.label for b in buckets)} as {role}" if buckets else ""
    by_hand(
        ctx,
        node,
        f"deploy and activate a {kind} gateway (a virtual machine, the hardware appliance or an EC2 instance), then "
        f"create its {shares}{on}: CloudFormation declares no gateway",
    )


# The resource types this module renders; renderers.py merges every module's table.
RENDERERS: dict[str, Renderer] = {
    "fsx_file_system": _fsx,
    "glacier_vault": _glacier,
    "storage_gateway": _storage_gateway,
}
