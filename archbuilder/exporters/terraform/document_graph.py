"""Terraform for DocumentDB and Neptune clusters, their instances, subnet groups and DocumentDB's parameter group.
The CloudFormation side's Snapshot deletion policy becomes a final snapshot here, as for Aurora (stores.py)."""

from __future__ import annotations

from archbuilder.exporters.terraform.convert import Converter_
from archbuilder.exporters.terraform.hcl_writer import Block, Expr
from archbuilder.exporters.terraform.kit import BodyWriter, Props, arg, present, tags_arg


def identifier(conv: Converter_, logical: str, limit: int = 63) -> Expr:
    """`"${var.name}-<resource>"`: lower-case letters, digits and hyphens, as cluster identifiers take."""
    return Expr(f'"${{var.name}}-{conv.names[logical][1].replace("_", "-")[: limit - 33]}"')


def final_snapshot(conv: Converter_, logical: str) -> Props:
    name = conv.names[logical][1].replace("_", "-")[:60]
    return {"skip_final_snapshot": False, "final_snapshot_identifier": Expr(f'"${{var.name}}-{name}-final"')}


def _docdb_subnets(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "name": identifier(conv, logical),
        "description": p["DBSubnetGroupDescription"],
        "subnet_ids": conv.expr(p["SubnetIds"]),
    }


def _docdb_parameters(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "name": identifier(conv, logical, 255),
        "family": p["Family"],
        "description": p["Description"],
        "parameter": [Block("parameter", (), {"name": k, "value": v}) for k, v in p["Parameters"].items()],
    }


def _docdb(conv: Converter_, logical: str, p: Props) -> Props:
    return present(
        {
            "cluster_identifier": identifier(conv, logical),
            "engine": "docdb",
            "engine_version": p.get("EngineVersion"),
            "master_username": p["MasterUsername"],
            # Generated and kept in Secrets Manager by DocumentDB; never in the configuration or the state.
            "manage_master_user_password": p["ManageMasterUserPassword"],
            "storage_encrypted": p["StorageEncrypted"],
            "storage_type": p.get("StorageType"),
            "backup_retention_period": p["BackupRetentionPeriod"],
            "deletion_protection": p["DeletionProtection"],
            "db_subnet_group_name": arg(conv, p, "DBSubnetGroupName"),
            "db_cluster_parameter_group_name": arg(conv, p, "DBClusterParameterGroupName"),
            "vpc_security_group_ids": arg(conv, p, "VpcSecurityGroupIds"),
            "enabled_cloudwatch_logs_exports": p.get("EnableCloudwatchLogsExports"),
            **final_snapshot(conv, logical),
            **tags_arg(conv, p),
        }
    )


def _docdb_instance(conv: Converter_, logical: str, p: Props) -> Props:
    return present(
        {
            "identifier": identifier(conv, logical),
            "cluster_identifier": conv.expr(p["DBClusterIdentifier"]),
            "instance_class": conv.expr(p["DBInstanceClass"]),
            "availability_zone": arg(conv, p, "AvailabilityZone"),
        }
    )


def _neptune_subnets(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "name": identifier(conv, logical),
        "description": p["DBSubnetGroupDescription"],
        "subnet_ids": conv.expr(p["SubnetIds"]),
    }


def _neptune(conv: Converter_, logical: str, p: Props) -> Props:
    return present(
        {
            "cluster_identifier": identifier(conv, logical),
            "engine": "neptune",
            "engine_version": p.get("EngineVersion"),
            "storage_encrypted": p["StorageEncrypted"],
            "backup_retention_period": p["BackupRetentionPeriod"],
            "deletion_protection": p["DeletionProtection"],
            "iam_database_authentication_enabled": p["IamAuthEnabled"],
            "storage_type": p.get("StorageType"),
            "neptune_subnet_group_name": arg(conv, p, "DBSubnetGroupName"),
            "vpc_security_group_ids": arg(conv, p, "VpcSecurityGroupIds"),
            **final_snapshot(conv, logical),
            **tags_arg(conv, p),
        }
    )


def _neptune_instance(conv: Converter_, logical: str, p: Props) -> Props:
    return present(
        {
            "identifier": identifier(conv, logical),
            "cluster_identifier": conv.expr(p["DBClusterIdentifier"]),
            "instance_class": conv.expr(p["DBInstanceClass"]),
            "engine": "neptune",
            "neptune_subnet_group_name": arg(conv, p, "DBSubnetGroupName"),
            "availability_zone": arg(conv, p, "AvailabilityZone"),
        }
    )


# The CloudFormation types whose Terraform resource this module writes (the body of its arguments).
BODY_WRITERS: dict[str, BodyWriter] = {
    "AWS::DocDB::DBSubnetGroup": _docdb_subnets,
    "AWS::DocDB::DBClusterParameterGroup": _docdb_parameters,
    "AWS::DocDB::DBCluster": _docdb,
    "AWS::DocDB::DBInstance": _docdb_instance,
    "AWS::Neptune::DBSubnetGroup": _neptune_subnets,
    "AWS::Neptune::DBCluster": _neptune,
    "AWS::Neptune::DBInstance": _neptune_instance,
}
