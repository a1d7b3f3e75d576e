"""CloudFormation for block and file storage and backups: EBS volumes, EFS file systems, AWS Backup vaults
with their plan and the resources connected to them."""

from __future__ import annotations

from typing import Any

from archbuilder.catalog import ConnectionKind
from archbuilder.exporters.cloudformation.context import CfnContext, get_att, ref, sub
from archbuilder.exporters.cloudformation.kit import Renderer, prop, service_role, sources_of, targets_of
from archbuilder.exporters.cloudformation.network import zone_value
from archbuilder.model import NodeKind, ServiceNode
from archbuilder.model.naming import snake


def _volume(ctx: CfnContext, node: ServiceNode) -> None:
    subnets = ctx.subnet_nodes(node)
    zone = ctx.architecture.enclosing(subnets[0].id, NodeKind.AZ) if subnets else None
    volume_type = str(prop(node, "volume_type", "gp3"))
    props: dict[str, Any] = {
        "AvailabilityZone": zone_value(zone) or {"Fn::Select": [0, {"Fn::GetAZs": ""}]},
        "Size": int(prop(node, "volume_size_gb", 100)),
        "VolumeType": volume_type,
        "Encrypted": bool(prop(node, "encrypted", True)),
        "Tags": ctx.tags(node),
    }
    if prop(node, "iops") and volume_type in ("gp3", "io1", "io2"):
        props["Iops"] = int(prop(node, "iops"))
    if prop(node, "throughput_mibps") and volume_type == "gp3":
        props["Throughput"] = int(prop(node, "throughput_mibps"))
    if prop(node, "multi_attach", False) and volume_type in ("io1", "io2"):
        props["MultiAttachEnabled"] = True
    volume = ctx.add(
        ctx.lid(node), "AWS::EC2::Volume", props, DeletionPolicy="Snapshot", UpdateReplacePolicy="Snapshot"
    )
    # The volume is attached to the instances it is drawn to, or drawn from (an instance attaching it).
    instances = [t for t, _ in targets_of(ctx, node, ConnectionKind.ATTACH) if t.type == "ec2_instance"]
    instances += [
        ctx.architecture.service(c.source_id)
        for c in ctx.graph.connections_of(node.id)
        if c.target_id == node.id
        and c.kind is ConnectionKind.ATTACH
        and ctx.architecture.service(c.source_id).type == "ec2_instance"
    ]
    for index, instance in enumerate(sorted(instances, key=lambda i: i.id)):
        ctx.add(
            ctx.lid(node, f"{ctx.lid(instance)}Attachment"),
            "AWS::EC2::VolumeAttachment",
            # /dev/sdf onwards: the names AWS recommends for data volumes.
            {
                "InstanceId": ref(ctx.lid(instance)),
                "VolumeId": ref(volume),
                "Device": f"/dev/sd{chr(ord('f') + index)}",
            },
        )


def _file_system(ctx: CfnContext, node: ServiceNode) -> None:
    props: dict[str, Any] = {
        "Encrypted": bool(prop(node, "encrypted", True)),
        "PerformanceMode": str(prop(node, "performance_mode", "generalPurpose")),
        "ThroughputMode": str(prop(node, "throughput_mode", "bursting")),
        "BackupPolicy": {"Status": "ENABLED" if prop(node, "backup_enabled", True) else "DISABLED"},
        "FileSystemTags": ctx.tags(node),
    }
    if props["ThroughputMode"] == "provisioned":
        props["ProvisionedThroughputInMibps"] = float(prop(node, "provisioned_throughput_mibps", 100))
    transition = str(prop(node, "transition_to_ia", "AFTER_30_DAYS"))
    if transition not in ("", "NONE"):
        props["LifecyclePolicies"] = [{"TransitionToIA": transition}]
    fs = ctx.add(
        ctx.lid(node), "AWS::EFS::FileSystem", props, DeletionPolicy="Retain", UpdateReplacePolicy="Retain"
    )
    # EFS takes one mount target per AZ: the first of the file system's subnets in each AZ.
    seen: set[str] = set()
    for subnet in ctx.subnet_nodes(node):
        zone = ctx.architecture.enclosing(subnet.id, NodeKind.AZ)
        key = zone.id if zone is not None else subnet.id
        if key in seen:
            continue
        seen.add(key)
        ctx.add(
            ctx.lid(node, f"{ctx.lid(subnet)}MountTarget"),
            "AWS::EFS::MountTarget",
            {
                "FileSystemId": ref(fs),
                "SubnetId": ctx.container_ref(subnet),
                "SecurityGroups": ctx.sg_refs(node),
            },
        )
    ctx.output(f"{fs}Id", ref(fs), f"File system {node.label}")


# What AWS Backup protects of what the export writes, by service type: the ARN a backup selection names. Aurora,
# Neptune and DocumentDB clusters are RDS clusters to it; an FSx for ONTAP file system is backed up by its volumes,
# which the export does not write (AWS Backup Developer Guide, "Supported AWS resources and third-party applications";
# FSx API Reference, CreateBackup; checked 2026-12-06).
BACKED_UP = {
    "rds_instance": "rds:{region}:db:${{{logical}}}",
    "aurora_cluster": "rds:{region}:cluster:${{{logical}}}",
    "neptune_cluster": "rds:{region}:cluster:${{{logical}}}",
    "documentdb_cluster": "rds:{region}:cluster:${{{logical}}}",
    "redshift_cluster": "redshift:{region}:cluster:${{{logical}}}",
    "fsx_file_system": "fsx:{region}:file-system/${{{logical}}}",
    "ec2_instance": "ec2:{region}:instance/${{{logical}}}",
    "ebs_volume": "ec2:{region}:volume/${{{logical}}}",
    "dynamodb_table": "",
    "efs_file_system": "",
    "s3_bucket": "",
}


def backup_problem(ctx: CfnContext, node: ServiceNode) -> str | None:
    """Why AWS Backup cannot back up the node as the export writes it; None when it can."""
    if node.type not in BACKED_UP:
        return f"AWS Backup protects no {ctx.architecture.catalog.get(node.type).short_name}"
    if node.type == "fsx_file_system" and prop(node, "file_system_type", "WINDOWS") == "ONTAP":
        return "AWS Backup backs up an ONTAP file system by its volumes, which the export does not write"
    if node.type == "s3_bucket" and not (prop(node, "versioning", True) or prop(node, "object_lock", False)):
        return "AWS Backup backs up versioned buckets only, and the design turns its versioning off"
    return None


def _backup_arn(ctx: CfnContext, node: ServiceNode) -> Any:
    """The ARN a backup selection names the node by (None when AWS Backup cannot back it up): its Arn attribute,
    or built from its Ref."""
    if backup_problem(ctx, node) is not None:
        return None
    if not BACKED_UP[node.type]:
        return get_att(ctx.lid(node), "Arn")
    built = BACKED_UP[node.type].format(region="${AWS::Region}:${AWS::AccountId}", logical=ctx.lid(node))
    return sub(f"arn:${{AWS::Partition}}:{built}")


def _backup(ctx: CfnContext, node: ServiceNode) -> None:
    vault = _backup_vault(ctx, node)
    plan = _backup_plan(ctx, node, vault)
    _backup_selection(ctx, node, plan)


def _backup_vault(ctx: CfnContext, node: ServiceNode) -> str:
    return ctx.add(
        ctx.lid(node),
        "AWS::Backup::BackupVault",
        {
            "BackupVaultName": sub(f"${{AWS::StackName}}-{snake(node.label).replace('_', '-')}"),
            # Governance mode (no ChangeableForDays): recovery points cannot be deleted before the plan's
            # retention, and the lock can still be lifted by an administrator, unlike compliance mode.
            **(
                {"LockConfiguration": {"MinRetentionDays": int(prop(node, "delete_after_days", 35))}}
                if prop(node, "vault_lock", False)
                else {}
            ),
        },
        DeletionPolicy="Retain",
        UpdateReplacePolicy="Retain",
    )


def _backup_plan(ctx: CfnContext, node: ServiceNode, vault: str) -> str:
    """One scheduled rule into the vault, recovery points deleted after the design's retention."""
    return ctx.add(
        ctx.lid(node, "Plan"),
        "AWS::Backup::BackupPlan",
        {
            "BackupPlan": {
                "BackupPlanName": sub(f"${{AWS::StackName}}-{snake(node.label).replace('_', '-')}"),
                "BackupPlanRule": [
                    {
                        "RuleName": "scheduled",
                        "TargetBackupVault": ref(vault),
                        "ScheduleExpression": str(prop(node, "schedule_expression", "cron(0 5 * * ? *)")),
                        "Lifecycle": {"DeleteAfterDays": int(prop(node, "delete_after_days", 35))},
                    }
                ],
            }
        },
    )


def _backup_selection(ctx: CfnContext, node: ServiceNode, plan: str) -> None:
    """The resources connected to the vault (those AWS Backup can protect) in the plan, with the role it backs
    them up and restores them with; none when nothing it can protect is connected."""
    protected = []
    for kind in (ConnectionKind.WRITE, ConnectionKind.ATTACH, ConnectionKind.REPLICATE):
        protected += [ctx.architecture.service(s) for s in sources_of(ctx, node, kind)]
    arns = [arn for s in sorted(protected, key=lambda s: s.id) if (arn := _backup_arn(ctx, s)) is not None]
    if not arns:
        return
    role = service_role(
        ctx,
        node,
        "backup.amazonaws.com",
        [
            sub("arn:${AWS::Partition}:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup"),
            sub("arn:${AWS::Partition}:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores"),
        ],
    )
    ctx.add(
        ctx.lid(node, "Selection"),
        "AWS::Backup::BackupSelection",
        {
            "BackupPlanId": ref(plan),
            "BackupSelection": {
                "SelectionName": "connected",
                "IamRoleArn": get_att(role, "Arn"),
                "Resources": arns,
            },
        },
    )


# The resource types this module renders; template.py merges every module's table.
RENDERERS: dict[str, Renderer] = {
    "ebs_volume": _volume,
    "efs_file_system": _file_system,
    "backup_vault": _backup,
}
