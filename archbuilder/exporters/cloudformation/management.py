"""CloudFormation for management and supporting services: CloudTrail, KMS, secrets, logs, alarms, EIPs, ECR, ECS clusters, IAM roles."""

from __future__ import annotations

import json
from typing import Any

from archbuilder.catalog import ConnectionKind
from archbuilder.exporters.cloudformation.container_instances import associate_capacity, cluster_capacity
from archbuilder.exporters.cloudformation.context import CfnContext, get_att, ref, sub
from archbuilder.exporters.cloudformation.kit import (
    Renderer,
    assumable_role,
    private_bucket_properties,
    prop,
    targets_of,
)
from archbuilder.exporters.cloudformation.secret_rotation import PASSWORD_LENGTH, rotation
from archbuilder.exporters.registry import ExportError
from archbuilder.model import ServiceNode
from archbuilder.model.naming import snake


def _trail(ctx: CfnContext, node: ServiceNode) -> None:
    bucket = _trail_bucket(ctx, node)
    policy = _trail_bucket_policy(ctx, node, bucket)
    ctx.add(
        ctx.lid(node),
        "AWS::CloudTrail::Trail",
        {
            "IsLogging": True,
            "S3BucketName": ref(bucket),
            "IsMultiRegionTrail": bool(prop(node, "multi_region", True)),
            "EnableLogFileValidation": bool(prop(node, "log_file_validation", True)),
            "IncludeGlobalServiceEvents": True,
            **_data_event_selectors(node),
        },
        # CloudTrail checks that it may write to the bucket when the trail is created.
        DependsOn=policy,
    )


def _trail_bucket(ctx: CfnContext, node: ServiceNode) -> str:
    """The trail's own encrypted, versioned, private bucket, kept when the stack is deleted."""
    return ctx.add(
        ctx.lid(node, "Bucket"),
        "AWS::S3::Bucket",
        private_bucket_properties(),
        DeletionPolicy="Retain",
        UpdateReplacePolicy="Retain",
    )


def _trail_bucket_policy(ctx: CfnContext, node: ServiceNode, bucket: str) -> str:
    """What CloudTrail needs to deliver to the bucket: reading its ACL and writing the account's log files."""
    return ctx.add(
        ctx.lid(node, "BucketPolicy"),
        "AWS::S3::BucketPolicy",
        {
            "Bucket": ref(bucket),
            "PolicyDocument": {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Principal": {"Service": "cloudtrail.amazonaws.com"},
                        "Action": "s3:GetBucketAcl",
                        "Resource": get_att(bucket, "Arn"),
                    },
                    {
                        "Effect": "Allow",
                        "Principal": {"Service": "cloudtrail.amazonaws.com"},
                        "Action": "s3:PutObject",
                        "Resource": sub(f"${{{bucket}.Arn}}/AWSLogs/${{AWS::AccountId}}/*"),
                        "Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control"}},
                    },
                ],
            },
        },
    )


def _data_event_selectors(node: ServiceNode) -> dict[str, Any]:
    """With data events on, the trail also records every object of every bucket and every function of the
    account; none otherwise (management events only)."""
    if not prop(node, "data_events", False):
        return {}
    return {
        "EventSelectors": [
            {
                "ReadWriteType": "All",
                "IncludeManagementEvents": True,
                "DataResources": [
                    {"Type": "AWS::S3::Object", "Values": [sub("arn:${AWS::Partition}:s3")]},
                    {"Type": "AWS::Lambda::Function", "Values": [sub("arn:${AWS::Partition}:lambda")]},
                ],
            }
        ]
    }


def _account_administers_key() -> dict[str, Any]:
    """The key policy statement every key gets: the account (through IAM policies) administers and uses it."""
    return {
        "Effect": "Allow",
        "Principal": {"AWS": sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:root")},
        "Action": "kms:*",
        "Resource": "*",
    }


def _kms(ctx: CfnContext, node: ServiceNode) -> None:
    ctx.add(
        ctx.lid(node),
        "AWS::KMS::Key",
        {
            "EnableKeyRotation": bool(prop(node, "key_rotation", True)),
            "PendingWindowInDays": int(prop(node, "deletion_window_days", 30)),
            "KeyPolicy": {
                "Version": "2012-10-17",
                "Statement": [
                    _account_administers_key(),
                ],
            },
        },
    )


def _secret(ctx: CfnContext, node: ServiceNode) -> None:
    secret = ctx.add(
        ctx.lid(node),
        "AWS::SecretsManager::Secret",
        {
            "Description": node.label,
            "GenerateSecretString": {"PasswordLength": PASSWORD_LENGTH, "ExcludePunctuation": True},
        },
    )
    days = int(prop(node, "rotation_days", 0))
    if days > 0:
        rotation(ctx, node, secret, days)


def _log_group(ctx: CfnContext, node: ServiceNode) -> None:
    retention = str(prop(node, "retention_days", "30"))
    props: dict[str, Any] = {**({"RetentionInDays": int(retention)} if retention != "never" else {})}
    if prop(node, "encrypted", False):
        props["KmsKeyId"] = get_att(logs_key(ctx, node), "Arn")
    group = ctx.add(
        ctx.lid(node), "AWS::Logs::LogGroup", props, DeletionPolicy="Retain", UpdateReplacePolicy="Retain"
    )
    # Functions drawn logging to the group send their logs there instead of to a group of their own name (the
    # basic execution role lets them write to any group).
    for connection in sorted(ctx.graph.connections_of(node.id), key=lambda c: c.id):
        source = ctx.architecture.service(connection.source_id)
        logs_here = connection.target_id == node.id and connection.kind is ConnectionKind.LOGS
        if logs_here and source.type == "lambda_function":
            ctx.finishers.append(lambda source=source: _log_to(ctx, source, group))


def _log_to(ctx: CfnContext, function: ServiceNode, group: str) -> None:
    """The function logs to `group` (the first drawn, when it is drawn to several)."""
    props = ctx.resources[ctx.lid(function)]["Properties"]
    props.setdefault("LoggingConfig", {"LogGroup": ref(group), "LogFormat": "Text"})


ACCOUNT_LOG_GROUPS = "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:*"


def logs_key(ctx: CfnContext, node: ServiceNode, log_groups: str = ACCOUNT_LOG_GROUPS) -> str:
    """A key of the node's own that CloudWatch Logs may use only for the log groups `log_groups` matches (a
    `!Sub` ARN pattern). Kept with what it encrypts, which cannot be read without it."""
    return ctx.add(
        ctx.lid(node, "Key"),
        "AWS::KMS::Key",
        {
            "EnableKeyRotation": True,
            "PendingWindowInDays": 30,
            "KeyPolicy": {
                "Version": "2012-10-17",
                "Statement": [
                    _account_administers_key(),
                    {
                        "Effect": "Allow",
                        "Principal": {"Service": sub("logs.${AWS::Region}.amazonaws.com")},
                        "Action": [
                            "kms:Decrypt*",
                            "kms:Describe*",
                            "kms:Encrypt*",
                            "kms:GenerateDataKey*",
                            "kms:ReEncrypt*",
                        ],
                        "Resource": "*",
                        "Condition": {"ArnLike": {"kms:EncryptionContext:aws:logs:arn": sub(log_groups)}},
                    },
                ],
            },
        },
        DeletionPolicy="Retain",
        UpdateReplacePolicy="Retain",
    )


def _alarm(ctx: CfnContext, node: ServiceNode) -> None:
    ctx.add(
        ctx.lid(node),
        "AWS::CloudWatch::Alarm",
        {
            "AlarmDescription": node.label,
            "MetricName": str(prop(node, "metric_name", "CPUUtilization")),
            "Namespace": "AWS/EC2",
            "Statistic": "Average",
            "Period": int(prop(node, "period_seconds", 300)),
            "EvaluationPeriods": 1,
            "Threshold": float(prop(node, "threshold", 80)),
            "ComparisonOperator": "GreaterThanThreshold",
        },
    )


def _eip(ctx: CfnContext, node: ServiceNode) -> None:
    instances = [t for t, _ in targets_of(ctx, node, ConnectionKind.ATTACH) if t.type == "ec2_instance"]
    ctx.add(
        ctx.lid(node),
        "AWS::EC2::EIP",
        {"Domain": "vpc", **({"InstanceId": ref(ctx.lid(instances[0]))} if instances else {})},
    )


def _ecr(ctx: CfnContext, node: ServiceNode) -> None:
    ctx.add(
        ctx.lid(node),
        "AWS::ECR::Repository",
        {
            "RepositoryName": snake(node.label).replace("_", "-"),
            "ImageScanningConfiguration": {"ScanOnPush": bool(prop(node, "scan_on_push", True))},
            "ImageTagMutability": str(prop(node, "image_tag_mutability", "IMMUTABLE")),
            "EncryptionConfiguration": {"EncryptionType": str(prop(node, "encryption_type", "AES256"))},
            **(
                {
                    "LifecyclePolicy": {
                        "LifecyclePolicyText": _keep_last_images(int(prop(node, "lifecycle_keep_last")))
                    }
                }
                if prop(node, "lifecycle_keep_last")
                else {}
            ),
        },
        DeletionPolicy="Retain",
        UpdateReplacePolicy="Retain",
    )


def _keep_last_images(count: int) -> str:
    """An ECR lifecycle policy (JSON text, as the repository takes it) expiring all but the newest images."""
    rule = {
        "rulePriority": 1,
        "description": f"keep the last {count} images",
        "selection": {"tagStatus": "any", "countType": "imageCountMoreThan", "countNumber": count},
        "action": {"type": "expire"},
    }
    return json.dumps({"rules": [rule]}, sort_keys=True)


def _ecs_cluster(ctx: CfnContext, node: ServiceNode) -> None:
    providers = _fargate_providers(node)
    ctx.add(
        ctx.lid(node),
        "AWS::ECS::Cluster",
        {
            "ClusterSettings": [
                {
                    "Name": "containerInsights",
                    "Value": "enabled" if prop(node, "container_insights", True) else "disabled",
                }
            ],
            **cluster_capacity(ctx, node, providers),
        },
    )
    associate_capacity(ctx, node, providers)


def _fargate_providers(node: ServiceNode) -> list[str]:
    """The Fargate providers the design names, the first one taking the tasks that name no launch type (the
    providers of services on EC2 are their own: container_instances.py)."""
    providers = [str(p) for p in prop(node, "capacity_providers", [])]
    unknown = sorted(set(providers) - {"FARGATE", "FARGATE_SPOT"})
    if unknown:
        raise ExportError(
            f"{node.label}: capacity providers {', '.join(unknown)} need Auto Scaling groups the export does not "
            "write; use FARGATE or FARGATE_SPOT, and set the launch type of an ECS service to EC2 for container "
            "instances of its own"
        )
    return providers


def _iam_role(ctx: CfnContext, node: ServiceNode) -> None:
    principal = str(prop(node, "assumed_by", "ec2.amazonaws.com"))
    assumable_role(ctx, ctx.lid(node), principal, list(prop(node, "managed_policy_arns", [])))


# The resource types this module renders; template.py merges every module's table.
RENDERERS: dict[str, Renderer] = {
    "cloudtrail": _trail,
    "kms_key": _kms,
    "secrets_manager_secret": _secret,
    "cloudwatch_log_group": _log_group,
    "cloudwatch_alarm": _alarm,
    "elastic_ip": _eip,
    "ecr_repository": _ecr,
    "ecs_cluster": _ecs_cluster,
    "iam_role": _iam_role,
}
