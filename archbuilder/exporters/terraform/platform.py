"""Terraform for containers, caches and data pipelines: ECS, ElastiCache, Firehose, Glue and Athena."""

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
)


def _cluster(conv: Converter_, logical: str, p: Props) -> Props:
    settings = p.get("ClusterSettings") or [{"Name": "containerInsights", "Value": "enabled"}]
    return {
        "name": Expr(f'"${{var.name}}-{conv.names[logical][1]}"'),
        "setting": [Block("setting", (), {"name": s["Name"], "value": s["Value"]}) for s in settings],
    }


def _capacity_providers(conv: Converter_, logical: str, p: Props) -> list[Block]:
    """The provider keeps a cluster's capacity providers in a resource of its own."""
    if not p.get("CapacityProviders"):
        return []
    return [
        split_resource(
            conv,
            logical,
            "aws_ecs_cluster_capacity_providers",
            {
                "cluster_name": Expr(f"{conv.address(logical)}.name"),
                "capacity_providers": p["CapacityProviders"],
                "default_capacity_provider_strategy": [
                    Block(
                        "default_capacity_provider_strategy",
                        (),
                        {"capacity_provider": s["CapacityProvider"], "weight": s["Weight"]},
                    )
                    for s in p["DefaultCapacityProviderStrategy"]
                ],
            },
        )
    ]


def _task(conv: Converter_, logical: str, p: Props) -> Props:
    containers = []
    for container in p["ContainerDefinitions"]:
        entry = {
            "name": container["Name"],
            "image": conv.expr(container["Image"]),
            "essential": container["Essential"],
            "portMappings": [
                {"containerPort": m["ContainerPort"], "protocol": m["Protocol"]}
                for m in container["PortMappings"]
            ],
            "environment": [
                {"name": e["Name"], "value": conv.expr(e["Value"])} for e in container.get("Environment", [])
            ],
        }
        if "LogConfiguration" in container:
            log = container["LogConfiguration"]
            entry["logConfiguration"] = {
                "logDriver": log["LogDriver"],
                "options": {k: conv.expr(v) for k, v in log["Options"].items()},
            }
        if "MountPoints" in container:
            entry["mountPoints"] = [
                {
                    "sourceVolume": m["SourceVolume"],
                    "containerPath": m["ContainerPath"],
                    "readOnly": m["ReadOnly"],
                }
                for m in container["MountPoints"]
            ]
        containers.append(entry)
    from archbuilder.exporters.terraform.hcl_writer import Call

    body: Props = {
        "family": Expr(f'"${{var.name}}-{conv.names[logical][1]}"'),
        "requires_compatibilities": p["RequiresCompatibilities"],
        "network_mode": p["NetworkMode"],
        "cpu": p["Cpu"],
        "memory": p["Memory"],
        "execution_role_arn": conv.expr(p["ExecutionRoleArn"]),
        "task_role_arn": conv.expr(p["TaskRoleArn"]),
        "container_definitions": Call("jsonencode", containers),
    }
    if p.get("Volumes"):
        body["volume"] = [_volume(conv, volume) for volume in p["Volumes"]]
    return body


def _volume(conv: Converter_, volume: Props) -> Block:
    """A task's EFS volume through an access point (cloudformation/file_mounts.py)."""
    efs = volume["EFSVolumeConfiguration"]
    authorization = efs["AuthorizationConfig"]
    return Block(
        "volume",
        (),
        {
            "name": volume["Name"],
            "efs_volume_configuration": Block(
                "efs_volume_configuration",
                (),
                {
                    "file_system_id": conv.expr(efs["FilesystemId"]),
                    "transit_encryption": efs["TransitEncryption"],
                    "authorization_config": Block(
                        "authorization_config",
                        (),
                        {
                            "access_point_id": conv.expr(authorization["AccessPointId"]),
                            "iam": authorization["IAM"],
                        },
                    ),
                },
            ),
        },
    )


def _service(conv: Converter_, logical: str, p: Props) -> Props:
    network = p["NetworkConfiguration"]["AwsvpcConfiguration"]
    body: Props = {
        "name": Expr(f'"${{var.name}}-{conv.names[logical][1]}"'),
        "cluster": arg(conv, p, "Cluster"),
        "task_definition": conv.expr(p["TaskDefinition"]),
        "desired_count": p["DesiredCount"],
        "launch_type": p.get("LaunchType"),
        "capacity_provider_strategy": [
            Block(
                "capacity_provider_strategy",
                (),
                {"capacity_provider": conv.expr(s["CapacityProvider"]), "weight": s["Weight"]},
            )
            for s in p.get("CapacityProviderStrategy", [])
        ]
        or None,
        "network_configuration": Block(
            "network_configuration",
            (),
            {
                "subnets": conv.expr(network["Subnets"]),
                "security_groups": conv.expr(network["SecurityGroups"]),
                "assign_public_ip": network["AssignPublicIp"] == "ENABLED",
            },
        ),
    }
    balancers = p.get("LoadBalancers") or []
    if balancers:
        body["load_balancer"] = [
            Block(
                "load_balancer",
                (),
                {
                    "target_group_arn": conv.expr(b["TargetGroupArn"]),
                    "container_name": b["ContainerName"],
                    "container_port": b["ContainerPort"],
                },
            )
            for b in balancers
        ]
    return present(body)


def _ecs_capacity_provider(conv: Converter_, logical: str, p: Props) -> Props:
    group = p["AutoScalingGroupProvider"]
    scaling = group["ManagedScaling"]
    return {
        "name": Expr(f'"${{var.name}}-{conv.names[logical][1].replace("_", "-")}"'),
        "auto_scaling_group_provider": Block(
            "auto_scaling_group_provider",
            (),
            {
                "auto_scaling_group_arn": Expr(f"{conv.address(group['AutoScalingGroupArn']['Ref'])}.arn"),
                "managed_termination_protection": group["ManagedTerminationProtection"],
                "managed_scaling": Block(
                    "managed_scaling",
                    (),
                    {"status": scaling["Status"], "target_capacity": scaling["TargetCapacity"]},
                ),
            },
        ),
    }


def _cluster_capacity_associations(conv: Converter_, logical: str, p: Props) -> Props:
    """The association of a cluster with its providers is the provider's aws_ecs_cluster_capacity_providers."""
    return {
        "cluster_name": Expr(f"{conv.address(p['Cluster']['Ref'])}.name"),
        "capacity_providers": conv.expr(p["CapacityProviders"]),
        "default_capacity_provider_strategy": [
            Block(
                "default_capacity_provider_strategy",
                (),
                {"capacity_provider": conv.expr(s["CapacityProvider"]), "weight": s["Weight"]},
            )
            for s in p["DefaultCapacityProviderStrategy"]
        ],
    }


def _cache_subnets(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "name": Expr(f'"${{var.name}}-{conv.names[logical][1].replace("_", "-")}"'),
        "description": p["Description"],
        "subnet_ids": conv.expr(p["SubnetIds"]),
    }


def _replication_group(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "replication_group_id": Expr(f'"{conv.names[logical][1].replace("_", "-")[:40]}"'),
        "description": p["ReplicationGroupDescription"],
        "engine": "redis",
        "node_type": p["CacheNodeType"],
        "num_cache_clusters": p["NumCacheClusters"],
        **({"engine_version": p["EngineVersion"]} if "EngineVersion" in p else {}),
        "automatic_failover_enabled": p["AutomaticFailoverEnabled"],
        "multi_az_enabled": p["MultiAZEnabled"],
        "at_rest_encryption_enabled": p["AtRestEncryptionEnabled"],
        "transit_encryption_enabled": p["TransitEncryptionEnabled"],
        "snapshot_retention_limit": p["SnapshotRetentionLimit"],
        "subnet_group_name": conv.expr(p["CacheSubnetGroupName"]),
        "security_group_ids": conv.expr(p["SecurityGroupIds"]),
    }


def _cache_cluster(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "cluster_id": Expr(f'"{conv.names[logical][1].replace("_", "-")[:40]}"'),
        "engine": "memcached",
        **({"engine_version": p["EngineVersion"]} if "EngineVersion" in p else {}),
        "node_type": p["CacheNodeType"],
        "num_cache_nodes": p["NumCacheNodes"],
        "az_mode": p["AZMode"],
        "subnet_group_name": conv.expr(p["CacheSubnetGroupName"]),
        "security_group_ids": conv.expr(p["VpcSecurityGroupIds"]),
    }


def _firehose(conv: Converter_, logical: str, p: Props) -> Props:
    destination = p.get("S3DestinationConfiguration") or p["ExtendedS3DestinationConfiguration"]
    hints = destination["BufferingHints"]
    s3: Props = {
        "bucket_arn": conv.expr(destination["BucketARN"]),
        "role_arn": conv.expr(destination["RoleARN"]),
        "buffering_interval": hints["IntervalInSeconds"],
        "buffering_size": hints["SizeInMBs"],
        "compression_format": destination["CompressionFormat"],
    }
    if "ProcessingConfiguration" in destination:
        s3["processing_configuration"] = _processing(conv, destination["ProcessingConfiguration"])
    return {
        "name": Expr(f'"${{var.name}}-{conv.names[logical][1]}"'),
        "destination": "extended_s3",
        "extended_s3_configuration": Block("extended_s3_configuration", (), s3),
        **(
            {
                "server_side_encryption": Block(
                    "server_side_encryption", (), {"enabled": True, "key_type": encryption["KeyType"]}
                )
            }
            if (encryption := p.get("DeliveryStreamEncryptionConfigurationInput"))
            else {}
        ),
    }


def _processing(conv: Converter_, processing: Props) -> Block:
    return Block(
        "processing_configuration",
        (),
        {
            "enabled": processing["Enabled"],
            "processors": [
                Block(
                    "processors",
                    (),
                    {
                        "type": processor["Type"],
                        "parameters": [
                            Block(
                                "parameters",
                                (),
                                {
                                    "parameter_name": parameter["ParameterName"],
                                    "parameter_value": conv.expr(parameter["ParameterValue"]),
                                },
                            )
                            for parameter in processor["Parameters"]
                        ],
                    },
                )
                for processor in processing["Processors"]
            ],
        },
    )


def _glue_database(conv: Converter_, logical: str, p: Props) -> Props:
    return {"name": p["DatabaseInput"]["Name"]}


def _crawler(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "name": Expr(f'"${{var.name}}-{conv.names[logical][1]}"'),
        "role": conv.expr(p["Role"]),
        "database_name": conv.expr(p["DatabaseName"]),
        "s3_target": [
            Block("s3_target", (), {"path": conv.expr(t["Path"])}) for t in p["Targets"]["S3Targets"]
        ],
        **({"schedule": p["Schedule"]["ScheduleExpression"]} if "Schedule" in p else {}),
        **({"table_prefix": p["TablePrefix"]} if "TablePrefix" in p else {}),
    }


def _workgroup(conv: Converter_, logical: str, p: Props) -> Props:
    config = p["WorkGroupConfiguration"]
    body: Props = {
        "enforce_workgroup_configuration": config["EnforceWorkGroupConfiguration"],
        "publish_cloudwatch_metrics_enabled": config["PublishCloudWatchMetricsEnabled"],
    }
    if "BytesScannedCutoffPerQuery" in config:
        body["bytes_scanned_cutoff_per_query"] = config["BytesScannedCutoffPerQuery"]
    if "ResultConfiguration" in config:
        results = config["ResultConfiguration"]
        result_body: Props = (
            {"output_location": conv.expr(results["OutputLocation"])} if "OutputLocation" in results else {}
        )
        if "EncryptionConfiguration" in results:
            result_body["encryption_configuration"] = Block(
                "encryption_configuration",
                (),
                {"encryption_option": results["EncryptionConfiguration"]["EncryptionOption"]},
            )
        body["result_configuration"] = Block("result_configuration", (), result_body)
    return {"name": conv.expr(p["Name"]), "configuration": Block("configuration", (), body)}


# The CloudFormation types whose Terraform resource this module writes (the body of its arguments).
BODY_WRITERS: dict[str, BodyWriter] = {
    "AWS::ECS::Cluster": _cluster,
    "AWS::ECS::TaskDefinition": _task,
    "AWS::ECS::Service": _service,
    "AWS::ECS::CapacityProvider": _ecs_capacity_provider,
    "AWS::ECS::ClusterCapacityProviderAssociations": _cluster_capacity_associations,
    "AWS::ElastiCache::SubnetGroup": _cache_subnets,
    "AWS::ElastiCache::ReplicationGroup": _replication_group,
    "AWS::ElastiCache::CacheCluster": _cache_cluster,
    "AWS::KinesisFirehose::DeliveryStream": _firehose,
    "AWS::Glue::Database": _glue_database,
    "AWS::Glue::Crawler": _crawler,
    "AWS::Athena::WorkGroup": _workgroup,
}


# Resources the aws provider splits out of a CloudFormation resource of these types.
COMPANION_WRITERS: dict[str, list[CompanionWriter]] = {
    "AWS::ECS::Cluster": [_capacity_providers],
}
