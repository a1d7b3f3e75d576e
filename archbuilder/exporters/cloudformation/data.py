"""CloudFormation for data: RDS, S3, DynamoDB, SQS, SNS and Kinesis, stateful ones with retention policies."""

from __future__ import annotations

import copy
from typing import Any

from archbuilder.catalog import ConnectionKind
from archbuilder.exporters.cloudformation.context import CfnContext, get_att, ref, sub
from archbuilder.exporters.cloudformation.databases import own_parameter_group
from archbuilder.exporters.cloudformation.kit import Renderer, prop
from archbuilder.model import ServiceNode
from archbuilder.model.naming import snake


def _rds(ctx: CfnContext, node: ServiceNode) -> None:
    group = ctx.add(
        ctx.lid(node, "SubnetGroup"),
        "AWS::RDS::DBSubnetGroup",
        {
            "DBSubnetGroupDescription": f"Subnets of {node.label}",
            "SubnetIds": ctx.subnet_refs(node),
        },
    )
    engine = str(prop(node, "engine", "postgres"))
    version = str(prop(node, "engine_version", "") or "")
    parameter_group: dict[str, Any] = {}
    if prop(node, "custom_parameter_group", True):
        parameters, version = own_parameter_group(ctx, node, "AWS::RDS::DBParameterGroup", engine, version)
        parameter_group["DBParameterGroupName"] = ref(parameters)
    db = ctx.add(
        ctx.lid(node),
        "AWS::RDS::DBInstance",
        {
            "Engine": engine,
            "DBInstanceClass": ctx.parameter(
                f"{ctx.lid(node)}InstanceClass",
                "String",
                str(prop(node, "instance_class", "db.t3.micro")),
                f"Instance class of {node.label}",
            ),
            "AllocatedStorage": str(prop(node, "allocated_storage_gb", 20)),
            "StorageType": str(prop(node, "storage_type", "gp3")),
            "MultiAZ": bool(prop(node, "multi_az", True)),
            "BackupRetentionPeriod": int(prop(node, "backup_retention_days", 7)),
            "StorageEncrypted": bool(prop(node, "encrypted", True)),
            "DeletionProtection": bool(prop(node, "deletion_protection", False)),
            "PubliclyAccessible": bool(prop(node, "publicly_accessible", False)),
            **({"EngineVersion": version} if version else {}),
            **parameter_group,
            **(
                {"EnableIAMDatabaseAuthentication": True}
                if prop(node, "iam_database_authentication", False)
                else {}
            ),
            # Snapshots (the final one included) keep the instance's tags, so they can be told apart.
            "CopyTagsToSnapshot": True,
            "MasterUsername": "dbadmin",
            # The password is generated and kept in Secrets Manager, never written in the template.
            "ManageMasterUserPassword": True,
            "DBSubnetGroupName": ref(group),
            "VPCSecurityGroups": ctx.sg_refs(node),
            "Tags": ctx.tags(node),
        },
        DeletionPolicy="Snapshot",
        UpdateReplacePolicy="Snapshot",
    )
    ctx.output(f"{db}Endpoint", get_att(db, "Endpoint.Address"), f"Endpoint of {node.label}")


def _s3(ctx: CfnContext, node: ServiceNode) -> None:
    public = bool(prop(node, "public_access", False))
    # S3 refuses to suspend versioning on a bucket with Object Lock, which turns versioning on by itself.
    versioned = prop(node, "versioning", True) or prop(node, "object_lock", False)
    props: dict[str, Any] = {
        "VersioningConfiguration": {"Status": "Enabled" if versioned else "Suspended"},
        "PublicAccessBlockConfiguration": {
            key: not public
            for key in ("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")
        },
        "Tags": ctx.tags(node),
    }
    if prop(node, "encrypted", True):
        props["BucketEncryption"] = {
            "ServerSideEncryptionConfiguration": [
                {"ServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}
            ]
        }
    if prop(node, "bucket_name"):
        props["BucketName"] = prop(node, "bucket_name")
    rules = _lifecycle_rules(node)
    if rules:
        props["LifecycleConfiguration"] = {"Rules": rules}
    if prop(node, "object_lock", False):
        # Without a default retention the lock applies only where an upload asks for it.
        props["ObjectLockEnabled"] = True
    if prop(node, "website", False):
        props["WebsiteConfiguration"] = {"IndexDocument": "index.html", "ErrorDocument": "error.html"}
    ctx.add(ctx.lid(node), "AWS::S3::Bucket", props, DeletionPolicy="Retain", UpdateReplacePolicy="Retain")
    ctx.output(f"{ctx.lid(node)}Name", ref(ctx.lid(node)), f"Bucket of {node.label}")


def _lifecycle_rules(node: ServiceNode) -> list[dict[str, Any]]:
    """One rule per lifecycle property the design sets, each over the whole bucket."""
    rules: list[dict[str, Any]] = []
    abort_days = prop(node, "abort_incomplete_multipart_days")
    if abort_days is not None:
        rules.append(
            {
                "Id": "abort-incomplete-multipart-uploads",
                "Status": "Enabled",
                "AbortIncompleteMultipartUpload": {"DaysAfterInitiation": int(abort_days)},
            }
        )
    glacier_days = prop(node, "lifecycle_to_glacier_days")
    if glacier_days is not None:
        rules.append(
            {
                "Id": "transition-to-glacier",
                "Status": "Enabled",
                "Transitions": [{"StorageClass": "GLACIER", "TransitionInDays": int(glacier_days)}],
            }
        )
    return rules


def _dynamodb(ctx: CfnContext, node: ServiceNode) -> None:
    key = str(prop(node, "partition_key", "id"))
    attributes = [{"AttributeName": key, "AttributeType": str(prop(node, "partition_key_type", "S"))}]
    schema = [{"AttributeName": key, "KeyType": "HASH"}]
    if prop(node, "sort_key"):
        attributes.append(
            {
                "AttributeName": str(prop(node, "sort_key")),
                "AttributeType": str(prop(node, "sort_key_type", "S")),
            }
        )
        schema.append({"AttributeName": str(prop(node, "sort_key")), "KeyType": "RANGE"})
    billing = str(prop(node, "billing_mode", "PAY_PER_REQUEST"))
    props: dict[str, Any] = {
        "BillingMode": billing,
        "AttributeDefinitions": attributes,
        "KeySchema": schema,
        "PointInTimeRecoverySpecification": {
            "PointInTimeRecoveryEnabled": bool(prop(node, "point_in_time_recovery", True))
        },
        "SSESpecification": {"SSEEnabled": bool(prop(node, "encrypted", True))},
        "DeletionProtectionEnabled": bool(prop(node, "deletion_protection", True)),
        "Tags": ctx.tags(node),
    }
    if prop(node, "ttl_attribute"):
        props["TimeToLiveSpecification"] = {
            "AttributeName": str(prop(node, "ttl_attribute")),
            "Enabled": True,
        }
    if billing == "PROVISIONED":
        props["ProvisionedThroughput"] = {
            "ReadCapacityUnits": int(prop(node, "read_capacity", 5)),
            "WriteCapacityUnits": int(prop(node, "write_capacity", 5)),
        }
    stream = str(prop(node, "stream", "NONE"))
    if stream != "NONE" or _sources_poll(ctx, node):
        props["StreamSpecification"] = {
            "StreamViewType": stream if stream != "NONE" else "NEW_AND_OLD_IMAGES"
        }
    replicas = _replica_regions(ctx, node)
    if replicas:
        _global_table(ctx, node, props, replicas)
        return
    ctx.add(
        ctx.lid(node), "AWS::DynamoDB::Table", props, DeletionPolicy="Retain", UpdateReplacePolicy="Retain"
    )


def _replica_regions(ctx: CfnContext, node: ServiceNode) -> list[str]:
    """The other regions the table is replicated to (its own region, which the stack is made in, left out)."""
    own = ctx.graph.placements[node.id].region or ctx.architecture.metadata.default_region
    listed = prop(node, "replica_regions", []) or []
    return sorted({str(r) for r in listed if isinstance(r, str) and r and r != own})


def _global_table(ctx: CfnContext, node: ServiceNode, table: dict[str, Any], regions: list[str]) -> None:
    """The table as a global table: one replica in the stack's region and one in each other region. Settings a
    table states once are per replica here (recovery, deletion protection, tags, read capacity), and
    provisioned writes are autoscaled (a global table has no fixed write capacity), held at the design's
    units by equal bounds."""
    replica: dict[str, Any] = {
        "PointInTimeRecoverySpecification": table["PointInTimeRecoverySpecification"],
        "DeletionProtectionEnabled": table["DeletionProtectionEnabled"],
        "Tags": table["Tags"],
    }
    props: dict[str, Any] = {
        "BillingMode": table["BillingMode"],
        "AttributeDefinitions": table["AttributeDefinitions"],
        "KeySchema": table["KeySchema"],
        "SSESpecification": table["SSESpecification"],
        # Global tables replicate through the stream of new and old images.
        "StreamSpecification": {"StreamViewType": "NEW_AND_OLD_IMAGES"},
    }
    if "TimeToLiveSpecification" in table:
        props["TimeToLiveSpecification"] = table["TimeToLiveSpecification"]
    if "ProvisionedThroughput" in table:
        units = table["ProvisionedThroughput"]
        replica["ReadProvisionedThroughputSettings"] = {"ReadCapacityUnits": units["ReadCapacityUnits"]}
        writes = units["WriteCapacityUnits"]
        props["WriteProvisionedThroughputSettings"] = {
            "WriteCapacityAutoScalingSettings": {
                "MinCapacity": writes,
                "MaxCapacity": writes,
                "TargetTrackingScalingPolicyConfiguration": {"TargetValue": 70},
            }
        }
    props["Replicas"] = [
        {"Region": region, **copy.deepcopy(replica)} for region in [ref("AWS::Region"), *regions]
    ]
    ctx.add(
        ctx.lid(node),
        "AWS::DynamoDB::GlobalTable",
        props,
        DeletionPolicy="Retain",
        UpdateReplacePolicy="Retain",
    )


def _sources_poll(ctx: CfnContext, node: ServiceNode) -> bool:
    return any(
        c.source_id == node.id and c.kind is ConnectionKind.POLL for c in ctx.graph.connections_of(node.id)
    )


def _sqs(ctx: CfnContext, node: ServiceNode) -> None:
    fifo = bool(prop(node, "fifo", False))
    props: dict[str, Any] = {
        "VisibilityTimeout": int(prop(node, "visibility_timeout_seconds", 30)),
        "MessageRetentionPeriod": int(prop(node, "message_retention_seconds", 345600)),
        "MaximumMessageSize": int(prop(node, "max_message_size_bytes", 262144)),
        "ReceiveMessageWaitTimeSeconds": int(prop(node, "receive_wait_seconds", 20)),
        "SqsManagedSseEnabled": bool(prop(node, "encrypted", True)),
        **({"FifoQueue": True} if fifo else {}),
    }
    if prop(node, "dead_letter_queue", True):
        dlq = ctx.add(
            ctx.lid(node, "DeadLetterQueue"),
            "AWS::SQS::Queue",
            {
                "MessageRetentionPeriod": 1209600,
                "SqsManagedSseEnabled": True,
                **({"FifoQueue": True} if fifo else {}),
            },
        )
        props["RedrivePolicy"] = {"deadLetterTargetArn": get_att(dlq, "Arn"), "maxReceiveCount": 5}
    ctx.add(ctx.lid(node), "AWS::SQS::Queue", props)


SNS_DEFAULT_MESSAGE_SIZE = 262144


def _sns(ctx: CfnContext, node: ServiceNode) -> None:
    props: dict[str, Any] = {"Tags": ctx.tags(node)}
    if prop(node, "encrypted", True):
        props["KmsMasterKeyId"] = "alias/aws/sns"
    if prop(node, "fifo", False):
        # A FIFO topic's name must end in .fifo; the generated name would not.
        props["FifoTopic"] = True
        props["TopicName"] = sub(f"${{AWS::StackName}}-{snake(node.label).replace('_', '-')}.fifo")
    size = int(prop(node, "max_message_size_bytes", SNS_DEFAULT_MESSAGE_SIZE))
    if size != SNS_DEFAULT_MESSAGE_SIZE:  # unset, SNS takes up to 256 KiB
        props["MaximumMessageSize"] = size
    ctx.add(ctx.lid(node), "AWS::SNS::Topic", props)


def _kinesis(ctx: CfnContext, node: ServiceNode) -> None:
    props: dict[str, Any] = {"RetentionPeriodHours": int(prop(node, "retention_hours", 24))}
    if prop(node, "stream_mode", "PROVISIONED") == "ON_DEMAND":
        # On-demand streams scale their shards themselves; a shard count is refused.
        props["StreamModeDetails"] = {"StreamMode": "ON_DEMAND"}
    else:
        props["ShardCount"] = int(prop(node, "shard_count", 1))
    if prop(node, "encrypted", True):
        props["StreamEncryption"] = {"EncryptionType": "KMS", "KeyId": "alias/aws/kinesis"}
    ctx.add(ctx.lid(node), "AWS::Kinesis::Stream", props)


# The resource types this module renders; template.py merges every module's table.
RENDERERS: dict[str, Renderer] = {
    "rds_instance": _rds,
    "s3_bucket": _s3,
    "dynamodb_table": _dynamodb,
    "sqs_queue": _sqs,
    "sns_topic": _sns,
    "kinesis_stream": _kinesis,
}
