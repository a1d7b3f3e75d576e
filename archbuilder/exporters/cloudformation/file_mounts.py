"""What a data connection from a function or an ECS service to an EFS file system writes: the file system's access
point (one, shared by its clients: a directory of its own, owned by the POSIX user the clients act as), the
client's mount of it (a function's FileSystemConfigs; a task definition's EFS volume and its container's mount
point, read-only for a reader), the client's group let in on NFS's port 2049 (network.py, as a traffic connection
would), and ClientMount, with ClientWrite for a writer, on the file system; the client waits for the mount targets.

A mount needs the client inside the file system's VPC, and a mount target in each zone the client runs in (it mounts
through its own zone's); a function mounts one file system. Where the design does not give that, the export names
the connection in its warnings with what is missing (Lambda Developer Guide, "Configuring file system access for
Lambda functions"; Amazon ECS Developer Guide, "Amazon EFS volumes"; checked 2026-12-06)."""

from __future__ import annotations

from typing import Any

from archbuilder.catalog import ConnectionKind
from archbuilder.exporters.cloudformation.context import CfnContext, get_att, ref, sub
from archbuilder.model import NodeKind, ServiceNode

MOUNT_CLIENTS = {"lambda_function", "ecs_service"}
# The connections a client mounts a file system for.
MOUNT_KINDS = frozenset({ConnectionKind.READ, ConnectionKind.WRITE, ConnectionKind.READ_WRITE})
# The user and group the clients act as on the file system, and the directory the access point roots them in.
POSIX_ID = "1000"
ROOT_DIRECTORY = "/shared"
MOUNT_READ = ["elasticfilesystem:ClientMount"]
MOUNT_WRITE = ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"]


def mount_problem(ctx: CfnContext, client: ServiceNode, file_system: ServiceNode) -> str | None:
    """What the design lacks for the client to mount the file system (None: the export writes the mount)."""
    placements = ctx.graph.placements
    vpc = placements[file_system.id].vpc_id
    if placements[client.id].vpc_id is None or placements[client.id].vpc_id != vpc:
        return (
            f"place it in subnets of the VPC of {file_system.label}: a file system is mounted from inside it"
        )
    missing = sorted(_zones(ctx, client) - _zones(ctx, file_system))
    if missing:
        return (
            f"give {file_system.label} a subnet in {', '.join(missing)} too: a client mounts through the mount "
            "target of its own zone"
        )
    if client.type == "lambda_function":
        first = _file_systems(ctx, client)[0]
        if first.id != file_system.id:
            return f"a function mounts one file system, and it mounts {first.label}"
    return None


def mounts(ctx: CfnContext, client: ServiceNode, file_system: ServiceNode) -> bool:
    """Whether the export writes the client's mount of the file system (asked by the network too, before the
    services and their roles are written: functions and services always have a role)."""
    return (
        file_system.type == "efs_file_system"
        and client.type in MOUNT_CLIENTS
        and mount_problem(ctx, client, file_system) is None
    )


def mount(ctx: CfnContext, client: ServiceNode, file_system: ServiceNode, kinds: set[ConnectionKind]) -> None:
    """The client's mount of the file system through its access point, and the permission to mount it."""
    if client.id not in ctx.roles or not mounts(ctx, client, file_system):
        return
    writes = bool(kinds & {ConnectionKind.WRITE, ConnectionKind.READ_WRITE})
    point = _access_point(ctx, file_system)
    path = f"/mnt/{ctx.lid(file_system).lower()}"
    client_body = ctx.resources[ctx.lid(client)]
    if client.type == "lambda_function":
        client_body["Properties"]["FileSystemConfigs"] = [
            {"Arn": get_att(point, "Arn"), "LocalMountPath": path}
        ]
    else:
        _task_volume(ctx, client, file_system, point, path, writes)
    # A function (or a service's tasks) can mount only once a mount target answers in its zone. (Not on its role's
    # policy: what the policy names may name the client, a state machine calling the function it starts.)
    _depend_on(client_body, _mount_targets(ctx, file_system))
    ctx.allow(client, MOUNT_WRITE if writes else MOUNT_READ, file_system_arn(ctx, file_system))


def file_system_arn(ctx: CfnContext, file_system: ServiceNode) -> dict[str, str]:
    """The file system's ARN, built from its id (its Ref) as IAM names it."""
    return sub(
        "arn:${AWS::Partition}:elasticfilesystem:${AWS::Region}:${AWS::AccountId}:file-system/"
        f"${{{ctx.lid(file_system)}}}"
    )


def _access_point(ctx: CfnContext, file_system: ServiceNode) -> str:
    logical = ctx.lid(file_system, "AccessPoint")
    if logical not in ctx.resources:
        ctx.add(
            logical,
            "AWS::EFS::AccessPoint",
            {
                "FileSystemId": ref(ctx.lid(file_system)),
                "PosixUser": {"Uid": POSIX_ID, "Gid": POSIX_ID},
                "RootDirectory": {
                    "Path": ROOT_DIRECTORY,
                    "CreationInfo": {"OwnerUid": POSIX_ID, "OwnerGid": POSIX_ID, "Permissions": "750"},
                },
            },
        )
    return logical


def _task_volume(
    ctx: CfnContext, service: ServiceNode, file_system: ServiceNode, point: str, path: str, writes: bool
) -> None:
    """The task definition's volume of the file system, through the access point with the task role (IAM
    authorization needs encryption in transit), and the container's mount point of it."""
    task = ctx.resources[ctx.lid(service, "TaskDefinition")]["Properties"]
    volume = ctx.lid(file_system)
    task.setdefault("Volumes", []).append(
        {
            "Name": volume,
            "EFSVolumeConfiguration": {
                "FilesystemId": ref(ctx.lid(file_system)),
                "TransitEncryption": "ENABLED",
                "AuthorizationConfig": {"AccessPointId": ref(point), "IAM": "ENABLED"},
            },
        }
    )
    [container] = task["ContainerDefinitions"]
    container.setdefault("MountPoints", []).append(
        {"SourceVolume": volume, "ContainerPath": path, "ReadOnly": not writes}
    )


def _depend_on(body: dict[str, Any], names: list[str]) -> None:
    depends = body.get("DependsOn")
    kept = [depends] if isinstance(depends, str) else list(depends or [])
    body["DependsOn"] = kept + [name for name in names if name not in kept]


def _mount_targets(ctx: CfnContext, file_system: ServiceNode) -> list[str]:
    named = ref(ctx.lid(file_system))
    return [
        name
        for name in ctx.of_type("AWS::EFS::MountTarget")
        if ctx.resources[name]["Properties"]["FileSystemId"] == named
    ]


def _zones(ctx: CfnContext, node: ServiceNode) -> set[str]:
    zones = set()
    for subnet in ctx.subnet_nodes(node):
        zone = ctx.architecture.enclosing(subnet.id, NodeKind.AZ)
        zones.add(zone.label if zone is not None else subnet.label)
    return zones


def _file_systems(ctx: CfnContext, client: ServiceNode) -> list[ServiceNode]:
    """The file systems the client reads or writes, in the order of the connections."""
    found: dict[str, ServiceNode] = {}
    for connection in sorted(ctx.graph.connections_of(client.id), key=lambda c: c.id):
        target = ctx.architecture.service(connection.target_id)
        if (
            connection.source_id == client.id
            and connection.kind in MOUNT_KINDS
            and target.type == "efs_file_system"
        ):
            found.setdefault(target.id, target)
    return list(found.values())
