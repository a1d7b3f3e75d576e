"""Connections the export writes nothing for, named in its warnings with why (kit.by_hand: the template's
Metadata, the Terraform header comment, the CLI's warnings) instead of a template that reads as if they were not
drawn: data connections to stores whose access is not IAM's or names what the design does not know, calls to
services the export writes no permission or task for, and links it writes otherwise (a drawn role beside the one a
service is given)."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.exporters.cloudformation.cluster_grants import NOT_IAM, iam_controlled
from archbuilder.exporters.cloudformation.context import CfnContext
from archbuilder.exporters.cloudformation.file_mounts import MOUNT_CLIENTS, mount_problem
from archbuilder.exporters.cloudformation.kit import by_hand
from archbuilder.exporters.cloudformation.storage import BACKED_UP, backup_problem
from archbuilder.model import ServiceNode

DATA = {ConnectionKind.READ, ConnectionKind.WRITE, ConnectionKind.READ_WRITE}

# Data connections the export writes no permission for, and why: named in its warnings, never dropped in silence.
NOT_GRANTED = {
    "fsx_file_system": "access is the file system's own (its protocol's users and shares), not IAM",
    "glacier_vault": "the export writes no Glacier vault access policy",
    "storage_gateway": "access is the gateway's own (its shares and volumes), not IAM",
    "iot_core": "topics and things are named by the devices, not by the design",
}
# Calls the export writes no permission (or task) for, and why: named in its warnings, never dropped in silence.
NOT_INVOKED = {
    "cognito_user_pool": "which of the pool's administrative actions a caller may take is the application's choice",
}
# Callees a call's grant names a resource of, which the export does not always write: (the resource's suffix to the
# callee's logical id, what the caller would do, why the resource is not written; the import reads the step back as
# the call, importers/drawn_records.py). Named in the warnings without it.
CALLED_THROUGH = {
    "data_pipeline": ("", "start", "the pipeline is not written (its own step says why)"),
    "codedeploy_app": (
        "DeploymentGroup",
        "start",
        "the export writes no deployment group for it (its own step says why)",
    ),
    "batch_compute_environment": (
        "Queue",
        "submit jobs to",
        "the export writes no job queue for an environment outside a VPC",
    ),
}
# Links the export writes nothing for, and why, by (source type, target type, kind): (whose step it is, the step,
# naming the other end). Named in its warnings, never dropped in silence.
NOT_LINKED: dict[tuple[str, str, ConnectionKind], tuple[str, str]] = {
    ("ec2_instance", "iam_role", ConnectionKind.ATTACH): (
        "source",
        "give it {other} as its instance profile's role yourself: the export gives the instance a role of its "
        "own, which its grants are written in",
    ),
    ("iam_role", "sagemaker_notebook", ConnectionKind.ATTACH): (
        "target",
        "give it {other} as its role yourself: the export gives the notebook a role of its own, which its grants "
        "are written in",
    ),
    ("cloudwatch_log_group", "cloudwatch_alarm", ConnectionKind.LOGS): (
        "target",
        "watch {other} through a metric filter yourself: the design names no pattern to count in its events",
    ),
}
# The connections to a backup vault saying the source is backed up into it, which its backup plan's selection names
# the source by (storage.py) when AWS Backup can back it up; an attachment says so of what AWS Backup protects only
# (a key attached to a vault is not backed up).
BACKED_UP_BY = {ConnectionKind.WRITE, ConnectionKind.REPLICATE}
# The sources whose own resources write the call (a pipeline's build stage).
INVOKED_ELSEWHERE = {("codepipeline", "codebuild_project")}


def name_unwritten(ctx: CfnContext, source: ServiceNode, target: ServiceNode, kind: ConnectionKind) -> None:
    """Names the connection in the export's warnings when the export writes nothing for it. Only a source with a
    role of its own could be granted anything."""
    linked = NOT_LINKED.get((source.type, target.type, kind))
    if linked is not None:
        whose, step = linked
        node, other = (source, target) if whose == "source" else (target, source)
        other_name = f"{other.label} ({ctx.architecture.catalog.get(other.type).short_name})"
        by_hand(ctx, node, step.format(other=other_name))
        return
    if target.type == "backup_vault" and (
        kind in BACKED_UP_BY or (kind is ConnectionKind.ATTACH and source.type in BACKED_UP)
    ):
        why = backup_problem(ctx, source)
        if why is not None:
            by_hand(ctx, source, f"back it up into {target.label} (Backup) yourself: {why}")
        return
    if source.id not in ctx.roles:
        return
    service = ctx.architecture.catalog.get(target.type).short_name
    access = kind.value.replace("_", "-")
    if kind in DATA and target.type in NOT_GRANTED:
        step = f"grant it {access} access to {target.label} ({service}) yourself: {NOT_GRANTED[target.type]}"
        by_hand(ctx, source, step)
    elif kind in DATA and target.type == "efs_file_system":
        _name_unmounted(ctx, source, target, access)
    elif kind in DATA and target.type == "msk_cluster" and not iam_controlled(target):
        why = NOT_IAM[str(target.properties.get("client_authentication"))]
        by_hand(ctx, source, f"grant it {access} access to {target.label} ({service}) yourself: {why}")
    elif (
        kind is ConnectionKind.INVOKE
        and target.type in NOT_INVOKED
        and (source.type, target.type) not in INVOKED_ELSEWHERE
    ):
        by_hand(ctx, source, f"let it start {target.label} ({service}) yourself: {NOT_INVOKED[target.type]}")
    elif kind is ConnectionKind.INVOKE and target.type in CALLED_THROUGH:
        name_uncallable(ctx, source, target)


def name_uncallable(ctx: CfnContext, source: ServiceNode, target: ServiceNode) -> bool:
    """Names the call in the export's warnings when the resource its grant would name is not written (CALLED_THROUGH);
    whether it was named."""
    suffix, verb, why = CALLED_THROUGH[target.type]
    if ctx.lid(target, suffix) in ctx.resources:
        return False
    service = ctx.architecture.catalog.get(target.type).short_name
    by_hand(ctx, source, f"let it {verb} {target.label} ({service}) yourself: {why}")
    return True


def _name_unmounted(ctx: CfnContext, source: ServiceNode, target: ServiceNode, access: str) -> None:
    """A client of a file system whose mount the export does not write, with what the design lacks for it."""
    if source.type in MOUNT_CLIENTS:
        why = mount_problem(ctx, source, target)
    else:
        why = "the export writes a mount only for a function or an ECS service"
    if why is not None:
        step = f"grant it {access} access to {target.label} (EFS) yourself: {why}"
        by_hand(ctx, source, step)
