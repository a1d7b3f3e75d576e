"""Terraform for clustered stores, file and block storage and backups: Aurora, Redshift, OpenSearch, EFS, EBS and
AWS Backup. The CloudFormation side's deletion policies become Terraform's equivalents: a final snapshot
(`skip_final_snapshot = false` with its identifier) where it takes a Snapshot, `deletion_protection` where the
service has it, and `prevent_destroy` where it retains a resource the service cannot protect itself."""

from __future__ import annotations

from archbuilder.exporters.terraform.convert import Converter_
from archbuilder.exporters.terraform.hcl_writer import Block, Expr
from archbuilder.exporters.terraform.kit import (
    BodyWriter,
    CompanionWriter,
    Props,
    arg,
    present,
    split_resource,
    tags_arg,
)


def _named(conv: Converter_, logical: str, limit: int = 63) -> Expr:
    """`"${var.name}-<resource>"` for identifiers of lower-case letters, digits and hyphens."""
    return Expr(f'"${{var.name}}-{conv.names[logical][1].replace("_", "-")[: limit - 33]}"')


def _final_snapshot(conv: Converter_, logical: str) -> Props:
    name = conv.names[logical][1].replace("_", "-")[:60]
    return {"skip_final_snapshot": False, "final_snapshot_identifier": Expr(f'"${{var.name}}-{name}-final"')}


def _retained() -> Block:
    return Block("lifecycle", (), {"prevent_destroy": True})


def _rds_parameters(conv: Converter_, logical: str, p: Props) -> Props:
    parameters = p.get("Parameters") or {}  # none for Oracle, which sets TLS in an option group
    return present(
        {
            "family": p["Family"],
            "description": p["Description"],
            "parameter": [Block("parameter", (), {"name": k, "value": v}) for k, v in parameters.items()]
            or None,
        }
    )


def _aurora(conv: Converter_, logical: str, p: Props) -> Props:
    scaling = p.get("ServerlessV2ScalingConfiguration")
    return present(
        {
            "cluster_identifier": _named(conv, logical),
            "engine": p["Engine"],
            "engine_version": p.get("EngineVersion"),
            "storage_type": p.get("StorageType"),
            "enabled_cloudwatch_logs_exports": p.get("EnableCloudwatchLogsExports"),
            "master_username": p["MasterUsername"],
            # Generated and kept in Secrets Manager by RDS; never in the configuration or the state.
            "manage_master_user_password": p["ManageMasterUserPassword"],
            "storage_encrypted": p["StorageEncrypted"],
            "backup_retention_period": p["BackupRetentionPeriod"],
            "deletion_protection": p["DeletionProtection"],
            "iam_database_authentication_enabled": p["EnableIAMDatabaseAuthentication"],
            "db_subnet_group_name": arg(conv, p, "DBSubnetGroupName"),
            "db_cluster_parameter_group_name": arg(conv, p, "DBClusterParameterGroupName"),
            "vpc_security_group_ids": arg(conv, p, "VpcSecurityGroupIds"),
            **_final_snapshot(conv, logical),
            "serverlessv2_scaling_configuration": Block(
                "serverlessv2_scaling_configuration",
                (),
                {"min_capacity": scaling["MinCapacity"], "max_capacity": scaling["MaxCapacity"]},
            )
            if scaling
            else None,
            **tags_arg(conv, p),
        }
    )


def cluster_instance(conv: Converter_, logical: str, p: Props) -> Props:
    """A member of an Aurora cluster (`aws_rds_cluster_instance`; the CloudFormation side writes a
    DBInstance naming the cluster)."""
    return {
        "identifier": _named(conv, logical),
        "cluster_identifier": conv.expr(p["DBClusterIdentifier"]),
        "engine": p["Engine"],
        "instance_class": conv.expr(p["DBInstanceClass"]),
        "publicly_accessible": p["PubliclyAccessible"],
        "db_subnet_group_name": arg(conv, p, "DBSubnetGroupName"),
        # Performance Insights, as the template states it (production.py).
        **present(
            {
                "performance_insights_enabled": p.get("EnablePerformanceInsights"),
                "performance_insights_retention_period": p.get("PerformanceInsightsRetentionPeriod"),
            }
        ),
    }


def _redshift_subnets(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "name": _named(conv, logical),
        "description": p["Description"],
        "subnet_ids": conv.expr(p["SubnetIds"]),
    }


def _redshift_parameters(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "name": _named(conv, logical, 255),
        "family": p["ParameterGroupFamily"],
        "description": p["Description"],
        "parameter": [
            Block("parameter", (), {"name": item["ParameterName"], "value": item["ParameterValue"]})
            for item in p["Parameters"]
        ],
    }


def _redshift(conv: Converter_, logical: str, p: Props) -> Props:
    return present(
        {
            "cluster_identifier": _named(conv, logical),
            "cluster_type": p["ClusterType"],
            "node_type": conv.expr(p["NodeType"]),
            "number_of_nodes": p.get("NumberOfNodes"),
            "multi_az": p.get("MultiAZ"),
            "database_name": p["DBName"],
            "master_username": p["MasterUsername"],
            "manage_master_password": p["ManageMasterPassword"],
            "encrypted": p["Encrypted"],
            "publicly_accessible": p["PubliclyAccessible"],
            "enhanced_vpc_routing": p["EnhancedVpcRouting"],
            "automated_snapshot_retention_period": p["AutomatedSnapshotRetentionPeriod"],
            "cluster_subnet_group_name": arg(conv, p, "ClusterSubnetGroupName"),
            "cluster_parameter_group_name": arg(conv, p, "ClusterParameterGroupName"),
            "vpc_security_group_ids": arg(conv, p, "VpcSecurityGroupIds"),
            **_final_snapshot(conv, logical),
            **tags_arg(conv, p),
        }
    )


def _redshift_snapshot_copy(conv: Converter_, logical: str, p: Props) -> list[Block]:
    """The aws provider sets cross-region snapshot copy with a resource of its own."""
    if "DestinationRegion" not in p:
        return []
    return [
        split_resource(
            conv,
            logical,
            "aws_redshift_snapshot_copy",
            present(
                {
                    "cluster_identifier": Expr(f"{conv.address(logical)}.id"),
                    "destination_region": p["DestinationRegion"],
                    "retention_period": p["SnapshotCopyRetentionPeriod"],
                    "snapshot_copy_grant_name": arg(conv, p, "SnapshotCopyGrantName"),
                }
            ),
        )
    ]


def _opensearch(conv: Converter_, logical: str, p: Props) -> Props:
    c, ebs = p["ClusterConfig"], p["EBSOptions"]
    cluster = _opensearch_cluster(conv, c)
    endpoint = p["DomainEndpointOptions"]
    vpc = p.get("VPCOptions")
    return present(
        {
            # Domain names are 3-28 characters: the start of the name prefix and of the domain's own name.
            "domain_name": Expr(
                f'"${{trimsuffix(substr(var.name, 0, 13), "-")}}-'
                f'{conv.names[logical][1].replace("_", "-")[:14].strip("-")}"'
            ),
            "engine_version": p["EngineVersion"],
            "cluster_config": cluster,
            "ebs_options": Block(
                "ebs_options",
                (),
                {
                    "ebs_enabled": ebs["EBSEnabled"],
                    "volume_size": ebs["VolumeSize"],
                    "volume_type": ebs["VolumeType"],
                },
            ),
            "encrypt_at_rest": Block(
                "encrypt_at_rest", (), {"enabled": p["EncryptionAtRestOptions"]["Enabled"]}
            ),
            "node_to_node_encryption": Block(
                "node_to_node_encryption", (), {"enabled": p["NodeToNodeEncryptionOptions"]["Enabled"]}
            ),
            "domain_endpoint_options": Block(
                "domain_endpoint_options",
                (),
                {
                    "enforce_https": endpoint["EnforceHTTPS"],
                    "tls_security_policy": endpoint["TLSSecurityPolicy"],
                },
            ),
            "vpc_options": _opensearch_vpc_options(conv, vpc) if vpc else None,
            **tags_arg(conv, p),
            "lifecycle": _retained(),
        }
    )


def _opensearch_cluster(conv: Converter_, c: Props) -> Block:
    """The data nodes, dedicated masters and, for a domain across zones, how many zones."""
    cluster: Props = {
        "instance_type": conv.expr(c["InstanceType"]),
        "instance_count": c["InstanceCount"],
        "dedicated_master_enabled": c["DedicatedMasterEnabled"],
        "zone_awareness_enabled": c["ZoneAwarenessEnabled"],
    }
    if "ZoneAwarenessConfig" in c:
        cluster["zone_awareness_config"] = Block(
            "zone_awareness_config",
            (),
            {"availability_zone_count": c["ZoneAwarenessConfig"]["AvailabilityZoneCount"]},
        )
    return Block("cluster_config", (), cluster)


def _opensearch_vpc_options(conv: Converter_, vpc: Props) -> Block:
    return Block(
        "vpc_options",
        (),
        {
            "subnet_ids": conv.expr(vpc["SubnetIds"]),
            "security_group_ids": conv.expr(vpc["SecurityGroupIds"]),
        },
    )


def _file_system(conv: Converter_, logical: str, p: Props) -> Props:
    policies = p.get("LifecyclePolicies") or []
    tags = p.get("FileSystemTags")
    return present(
        {
            "encrypted": p["Encrypted"],
            "performance_mode": p["PerformanceMode"],
            "throughput_mode": p["ThroughputMode"],
            "provisioned_throughput_in_mibps": p.get("ProvisionedThroughputInMibps"),
            "lifecycle_policy": [
                Block("lifecycle_policy", (), {"transition_to_ia": policy["TransitionToIA"]})
                for policy in policies
            ]
            or None,
            "tags": {t["Key"]: conv.expr(t["Value"]) for t in tags} if tags else None,
            "lifecycle": _retained(),
        }
    )


def _file_system_backup(conv: Converter_, logical: str, p: Props) -> list[Block]:
    """The aws provider sets automatic backups with a resource of its own."""
    return [
        split_resource(
            conv,
            logical,
            "aws_efs_backup_policy",
            {
                "file_system_id": Expr(f"{conv.address(logical)}.id"),
                "backup_policy": Block("backup_policy", (), {"status": p["BackupPolicy"]["Status"]}),
            },
        )
    ]


def _mount_target(conv: Converter_, logical: str, p: Props) -> Props:
    return present(
        {
            "file_system_id": conv.expr(p["FileSystemId"]),
            "subnet_id": conv.expr(p["SubnetId"]),
            "security_groups": arg(conv, p, "SecurityGroups"),
        }
    )


def _volume(conv: Converter_, logical: str, p: Props) -> Props:
    return present(
        {
            "availability_zone": conv.expr(p["AvailabilityZone"]),
            "size": p["Size"],
            "type": p["VolumeType"],
            "encrypted": p["Encrypted"],
            "iops": p.get("Iops"),
            "throughput": p.get("Throughput"),
            "multi_attach_enabled": p.get("MultiAttachEnabled"),
            # CloudFormation's DeletionPolicy: Snapshot.
            "final_snapshot": True,
            **tags_arg(conv, p),
        }
    )


def _attachment(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "device_name": p["Device"],
        "volume_id": conv.expr(p["VolumeId"]),
        "instance_id": conv.expr(p["InstanceId"]),
    }


def _vault(conv: Converter_, logical: str, p: Props) -> Props:
    return {"name": conv.expr(p["BackupVaultName"]), "lifecycle": _retained()}


def _vault_lock(conv: Converter_, logical: str, p: Props) -> list[Block]:
    lock = p.get("LockConfiguration")
    if not lock:
        return []
    return [
        split_resource(
            conv,
            logical,
            "aws_backup_vault_lock_configuration",
            {
                "backup_vault_name": Expr(f"{conv.address(logical)}.name"),
                "min_retention_days": lock["MinRetentionDays"],
            },
        )
    ]


def _plan(conv: Converter_, logical: str, p: Props) -> Props:
    plan = p["BackupPlan"]
    return {
        "name": conv.expr(plan["BackupPlanName"]),
        "rule": [
            Block(
                "rule",
                (),
                {
                    "rule_name": rule["RuleName"],
                    "target_vault_name": conv.expr(rule["TargetBackupVault"]),
                    "schedule": rule["ScheduleExpression"],
                    "lifecycle": Block(
                        "lifecycle", (), {"delete_after": rule["Lifecycle"]["DeleteAfterDays"]}
                    ),
                },
            )
            for rule in plan["BackupPlanRule"]
        ],
    }


def _selection(conv: Converter_, logical: str, p: Props) -> Props:
    selection = p["BackupSelection"]
    return {
        "name": selection["SelectionName"],
        "plan_id": conv.expr(p["BackupPlanId"]),
        "iam_role_arn": conv.expr(selection["IamRoleArn"]),
        "resources": conv.expr(selection["Resources"]),
    }


# The CloudFormation types whose Terraform resource this module writes (the body of its arguments).
BODY_WRITERS: dict[str, BodyWriter] = {
    "AWS::RDS::DBParameterGroup": _rds_parameters,
    "AWS::RDS::DBClusterParameterGroup": _rds_parameters,
    "AWS::RDS::DBCluster": _aurora,
    "AWS::Redshift::ClusterSubnetGroup": _redshift_subnets,
    "AWS::Redshift::ClusterParameterGroup": _redshift_parameters,
    "AWS::Redshift::Cluster": _redshift,
    "AWS::OpenSearchService::Domain": _opensearch,
    "AWS::EFS::FileSystem": _file_system,
    "AWS::EFS::MountTarget": _mount_target,
    "AWS::EC2::Volume": _volume,
    "AWS::EC2::VolumeAttachment": _attachment,
    "AWS::Backup::BackupVault": _vault,
    "AWS::Backup::BackupPlan": _plan,
    "AWS::Backup::BackupSelection": _selection,
}


# Resources the aws provider splits out of a CloudFormation resource of these types.
COMPANION_WRITERS: dict[str, list[CompanionWriter]] = {
    "AWS::Redshift::Cluster": [_redshift_snapshot_copy],
    "AWS::EFS::FileSystem": [_file_system_backup],
    "AWS::Backup::BackupVault": [_vault_lock],
}
