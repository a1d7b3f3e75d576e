"""Terraform for FSx file systems (the provider has a resource type per kind, each taking its kind's settings as
arguments of its own: convert.terraform_type picks the type), and EFS access points."""

from __future__ import annotations

from archbuilder.exporters.terraform.convert import Converter_
from archbuilder.exporters.terraform.hcl_writer import Block
from archbuilder.exporters.terraform.kit import BodyWriter, Props, arg, present, tags_arg

# The configuration key of each kind, and its settings -> the provider's arguments.
SETTINGS = {
    "WINDOWS": (
        "WindowsConfiguration",
        {
            "ActiveDirectoryId": "active_directory_id",
            "DeploymentType": "deployment_type",
            "ThroughputCapacity": "throughput_capacity",
            "AutomaticBackupRetentionDays": "automatic_backup_retention_days",
            "PreferredSubnetId": "preferred_subnet_id",
        },
    ),
    "LUSTRE": (
        "LustreConfiguration",
        {"DeploymentType": "deployment_type", "PerUnitStorageThroughput": "per_unit_storage_throughput"},
    ),
    "ONTAP": (
        "OntapConfiguration",
        {
            "DeploymentType": "deployment_type",
            "ThroughputCapacity": "throughput_capacity",
            "PreferredSubnetId": "preferred_subnet_id",
            "RouteTableIds": "route_table_ids",
        },
    ),
    "OPENZFS": (
        "OpenZFSConfiguration",
        {
            "DeploymentType": "deployment_type",
            "ThroughputCapacity": "throughput_capacity",
            "PreferredSubnetId": "preferred_subnet_id",
            "RouteTableIds": "route_table_ids",
        },
    ),
}


def _file_system(conv: Converter_, logical: str, p: Props) -> Props:
    # A kind the export does not know keeps the settings every kind has (the template names the step to add).
    key, arguments = SETTINGS.get(p["FileSystemType"], ("", {}))
    settings = p.get(key) or {}
    return present(
        {
            "storage_capacity": p["StorageCapacity"],
            "subnet_ids": arg(conv, p, "SubnetIds"),
            "security_group_ids": arg(conv, p, "SecurityGroupIds"),
            **{argument: arg(conv, settings, name) for name, argument in arguments.items()},
            # CloudFormation retains the file system; the last backup is kept too when it is destroyed.
            "skip_final_backup": False if p["FileSystemType"] != "ONTAP" else None,
            **tags_arg(conv, p),
        }
    )


def _access_point(conv: Converter_, logical: str, p: Props) -> Props:
    """The POSIX user and root directory of an EFS access point (exporters/cloudformation/file_mounts.py)."""
    user, root = p["PosixUser"], p["RootDirectory"]
    creation = root["CreationInfo"]
    return {
        "file_system_id": conv.expr(p["FileSystemId"]),
        "posix_user": Block("posix_user", (), {"uid": int(user["Uid"]), "gid": int(user["Gid"])}),
        "root_directory": Block(
            "root_directory",
            (),
            {
                "path": root["Path"],
                "creation_info": Block(
                    "creation_info",
                    (),
                    {
                        "owner_uid": int(creation["OwnerUid"]),
                        "owner_gid": int(creation["OwnerGid"]),
                        "permissions": creation["Permissions"],
                    },
                ),
            },
        ),
    }


# The CloudFormation types whose Terraform resource this module writes (the body of its arguments).
BODY_WRITERS: dict[str, BodyWriter] = {
    "AWS::FSx::FileSystem": _file_system,
    "AWS::EFS::AccessPoint": _access_point,
}
