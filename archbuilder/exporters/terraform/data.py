"""Terraform for data: databases, S3 buckets (with their split-out settings), tables, queues, topics, streams."""

from __future__ import annotations

from archbuilder.exporters.terraform.bucket_settings import bucket_settings
from archbuilder.exporters.terraform.convert import Converter_
from archbuilder.exporters.terraform.hcl_writer import Block, Expr
from archbuilder.exporters.terraform.kit import (
    BodyWriter,
    Props,
    arg,
    depends_on,
    present,
    split_resource,
    tags_arg,
)
from archbuilder.exporters.terraform.stores import cluster_instance


def _db_subnets(conv: Converter_, logical: str, p: Props) -> Props:
    return {"description": p["DBSubnetGroupDescription"], "subnet_ids": conv.expr(p["SubnetIds"])}


def database_monitoring(p: Props) -> Props:
    """Performance Insights and the logs exported, as the template states them (production.py)."""
    return present(
        {
            "performance_insights_enabled": p.get("EnablePerformanceInsights"),
            "performance_insights_retention_period": p.get("PerformanceInsightsRetentionPeriod"),
            "enabled_cloudwatch_logs_exports": p.get("EnableCloudwatchLogsExports"),
        }
    )


def _db(conv: Converter_, logical: str, p: Props) -> Props:
    if "DBClusterIdentifier" in p:
        return cluster_instance(conv, logical, p)
    return {
        "engine": p["Engine"],
        "instance_class": arg(conv, p, "DBInstanceClass"),
        "allocated_storage": int(p["AllocatedStorage"]),
        "storage_type": p["StorageType"],
        "multi_az": p["MultiAZ"],
        "backup_retention_period": p["BackupRetentionPeriod"],
        "storage_encrypted": p["StorageEncrypted"],
        "deletion_protection": p["DeletionProtection"],
        "publicly_accessible": p["PubliclyAccessible"],
        **({"engine_version": p["EngineVersion"]} if "EngineVersion" in p else {}),
        **({"iam_database_authentication_enabled": True} if p.get("EnableIAMDatabaseAuthentication") else {}),
        **({"copy_tags_to_snapshot": True} if p.get("CopyTagsToSnapshot") else {}),
        "username": p["MasterUsername"],
        "manage_master_user_password": True,
        "db_subnet_group_name": arg(conv, p, "DBSubnetGroupName"),
        **(
            {"parameter_group_name": arg(conv, p, "DBParameterGroupName")}
            if "DBParameterGroupName" in p
            else {}
        ),
        "vpc_security_group_ids": arg(conv, p, "VPCSecurityGroups"),
        **database_monitoring(p),
        "skip_final_snapshot": False,
        "final_snapshot_identifier": Expr(f'"{conv.names[logical][1].replace("_", "-")}-final"'),
        **tags_arg(conv, p),
    }


def _bucket(conv: Converter_, logical: str, p: Props) -> Props:
    return present(
        {
            "bucket": arg(conv, p, "BucketName"),
            "object_lock_enabled": p.get("ObjectLockEnabled"),
            **tags_arg(conv, p),
        }
    )


def bucket_companions(conv: Converter_, logical: str, p: Props) -> list[Block]:
    """The aws provider splits a bucket's settings into resources of their own."""
    bucket = Expr(f"{conv.address(logical)}.id")
    blocks = [
        split_resource(
            conv,
            logical,
            "aws_s3_bucket_versioning",
            {
                "bucket": bucket,
                "versioning_configuration": Block(
                    "versioning_configuration", (), {"status": p["VersioningConfiguration"]["Status"]}
                ),
            },
        )
    ]
    if "PublicAccessBlockConfiguration" in p:
        access = p["PublicAccessBlockConfiguration"]
        blocks.append(
            split_resource(
                conv,
                logical,
                "aws_s3_bucket_public_access_block",
                {
                    "bucket": bucket,
                    "block_public_acls": access["BlockPublicAcls"],
                    "block_public_policy": access["BlockPublicPolicy"],
                    "ignore_public_acls": access["IgnorePublicAcls"],
                    "restrict_public_buckets": access["RestrictPublicBuckets"],
                },
            )
        )
    notification = _notification(conv, logical, p)
    if notification is not None:
        blocks.append(notification)
    blocks += bucket_settings(conv, logical, p)
    if "BucketEncryption" in p:
        blocks.append(
            split_resource(
                conv,
                logical,
                "aws_s3_bucket_server_side_encryption_configuration",
                {
                    "bucket": bucket,
                    "rule": Block(
                        "rule",
                        (),
                        {
                            "apply_server_side_encryption_by_default": Block(
                                "apply_server_side_encryption_by_default", (), {"sse_algorithm": "AES256"}
                            )
                        },
                    ),
                },
            )
        )
    return blocks


def _bucket_policy(conv: Converter_, logical: str, p: Props) -> Props:
    return {"bucket": arg(conv, p, "Bucket"), "policy": conv.json_expr(p["PolicyDocument"])}


def _table(conv: Converter_, logical: str, p: Props) -> Props:
    keys = {k["KeyType"]: k["AttributeName"] for k in p["KeySchema"]}
    body: Props = {
        "name": Expr(f'"${{var.name}}-{conv.names[logical][1]}"'),
        "billing_mode": p["BillingMode"],
        "hash_key": keys["HASH"],
        "range_key": keys.get("RANGE"),
        "read_capacity": (p.get("ProvisionedThroughput") or {}).get("ReadCapacityUnits"),
        "write_capacity": (p.get("ProvisionedThroughput") or {}).get("WriteCapacityUnits"),
        "deletion_protection_enabled": p.get("DeletionProtectionEnabled"),
    }
    body["attribute"] = [
        Block("attribute", (), {"name": a["AttributeName"], "type": a["AttributeType"]})
        for a in p["AttributeDefinitions"]
    ]
    body["point_in_time_recovery"] = Block(
        "point_in_time_recovery",
        (),
        {"enabled": p["PointInTimeRecoverySpecification"]["PointInTimeRecoveryEnabled"]},
    )
    body["server_side_encryption"] = Block(
        "server_side_encryption", (), {"enabled": p["SSESpecification"]["SSEEnabled"]}
    )
    if "TimeToLiveSpecification" in p:
        ttl = p["TimeToLiveSpecification"]
        body["ttl"] = Block("ttl", (), {"attribute_name": ttl["AttributeName"], "enabled": ttl["Enabled"]})
    if "StreamSpecification" in p:
        body.update(stream_enabled=True, stream_view_type=p["StreamSpecification"]["StreamViewType"])
    return present({**body, **tags_arg(conv, p)})


def own_region_table(p: Props) -> Props:
    """A global table's properties as those of the table it is in the stack's region: its own replica (the one
    in `AWS::Region`) gives the settings a table states once, and provisioned writes, autoscaled between equal
    bounds in CloudFormation, are the table's fixed write capacity."""
    own = next(r for r in p["Replicas"] if not isinstance(r["Region"], str))
    table = {
        key: value
        for key, value in p.items()
        if key not in ("Replicas", "WriteProvisionedThroughputSettings")
    }
    table.update(
        {
            key: own[key]
            for key in ("PointInTimeRecoverySpecification", "DeletionProtectionEnabled", "Tags")
            if key in own
        }
    )
    if "WriteProvisionedThroughputSettings" in p:
        writes = p["WriteProvisionedThroughputSettings"]["WriteCapacityAutoScalingSettings"]
        table["ProvisionedThroughput"] = {
            "ReadCapacityUnits": own["ReadProvisionedThroughputSettings"]["ReadCapacityUnits"],
            "WriteCapacityUnits": writes["MaxCapacity"],
        }
    return table


def _global_table(conv: Converter_, logical: str, p: Props) -> Props:
    """The table of the stack's region with a `replica` block per other region."""
    body = _table(conv, logical, own_region_table(p))
    body["replica"] = [
        Block(
            "replica",
            (),
            {
                "region_name": r["Region"],
                "point_in_time_recovery": r["PointInTimeRecoverySpecification"]["PointInTimeRecoveryEnabled"],
                "propagate_tags": True,
            },
        )
        for r in p["Replicas"]
        if isinstance(r["Region"], str)
    ]
    return body


def _queue(conv: Converter_, logical: str, p: Props) -> Props:
    redrive = p.get("RedrivePolicy")
    return present(
        {
            "fifo_queue": p.get("FifoQueue"),
            "visibility_timeout_seconds": p.get("VisibilityTimeout"),
            "message_retention_seconds": p.get("MessageRetentionPeriod"),
            "max_message_size": p.get("MaximumMessageSize"),
            "receive_wait_time_seconds": p.get("ReceiveMessageWaitTimeSeconds"),
            "sqs_managed_sse_enabled": p.get("SqsManagedSseEnabled"),
            "redrive_policy": conv.json_expr(redrive) if redrive else None,
        }
    )


def _topic(conv: Converter_, logical: str, p: Props) -> Props:
    fifo = bool(p.get("FifoTopic"))
    return present(
        {
            "name": Expr(f'"${{var.name}}-{conv.names[logical][1].replace("_", "-")}.fifo"')
            if fifo
            else None,
            "fifo_topic": True if fifo else None,
            "kms_master_key_id": p.get("KmsMasterKeyId"),
            **tags_arg(conv, p),
        }
    )


def _stream(conv: Converter_, logical: str, p: Props) -> Props:
    encryption = p.get("StreamEncryption")
    return present(
        {
            "name": Expr(f'"${{var.name}}-{conv.names[logical][1]}"'),
            "shard_count": p.get("ShardCount"),
            "retention_period": p["RetentionPeriodHours"],
            "stream_mode_details": Block("stream_mode_details", (), {"stream_mode": "ON_DEMAND"})
            if p.get("StreamModeDetails")
            else None,
            "encryption_type": encryption["EncryptionType"] if encryption else None,
            "kms_key_id": encryption["KeyId"] if encryption else None,
        }
    )


NOTIFICATION_KINDS = (
    ("LambdaConfigurations", "Function", "lambda_function", "lambda_function_arn"),
    ("QueueConfigurations", "Queue", "queue", "queue_arn"),
    ("TopicConfigurations", "Topic", "topic", "topic_arn"),
)


def _notification(conv: Converter_, logical: str, bucket_props: Props) -> Block | None:
    """S3 event notifications: one aws_s3_bucket_notification with a block per receiver and its events."""
    config = bucket_props.get("NotificationConfiguration") or {}
    body: Props = {"bucket": Expr(f"{conv.address(logical)}.id")}
    for key, target_key, block_type, argument in NOTIFICATION_KINDS:
        receivers: dict[str, tuple[object, list[str]]] = {}
        for entry in config.get(key, []):
            target = conv.expr(entry[target_key])
            receivers.setdefault(repr(target), (target, []))[1].append(entry["Event"])
        if receivers:
            body[block_type] = [
                Block(block_type, (), {argument: target, "events": events})
                for target, events in receivers.values()
            ]
    if len(body) == 1:
        return None
    # S3 checks it may deliver when the notification is created: the receivers' invoke permissions and
    # queue/topic policies (the bucket's DependsOn on the CloudFormation side) must exist first.
    depends = depends_on(conv, bucket_props)
    if depends is not None:
        body["depends_on"] = depends
    return split_resource(conv, logical, "aws_s3_bucket_notification", body)


# The CloudFormation types whose Terraform resource this module writes (the body of its arguments).
BODY_WRITERS: dict[str, BodyWriter] = {
    "AWS::RDS::DBSubnetGroup": _db_subnets,
    "AWS::RDS::DBInstance": _db,
    "AWS::S3::Bucket": _bucket,
    "AWS::S3::BucketPolicy": _bucket_policy,
    "AWS::DynamoDB::Table": _table,
    "AWS::DynamoDB::GlobalTable": _global_table,
    "AWS::SQS::Queue": _queue,
    "AWS::SNS::Topic": _topic,
    "AWS::Kinesis::Stream": _stream,
}
