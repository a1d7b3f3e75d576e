"""CloudFormation for management and supporting services: CloudTrail, KMS, secrets, logs, alarms, EIPs, ECR, ECS clusters, IAM roles."""

from __future__ import annotations

import json
from typing import Any

from archbuilder.catalog import ConnectionKind
from archbuilder.exporters.cfn_context import CfnContext, get_att, ref, sub
from archbuilder.exporters.cfn_services import (
    _p,
    _targets,
    renders,
)
from archbuilder.exporters.naming import snake
from archbuilder.exporters.registry import ExportError
from archbuilder.model import ServiceNode


@renders("cloudtrail")
def _trail(ctx: CfnContext, node: ServiceNode) -> None:
    bucket = ctx.add(
        ctx.lid(node, "Bucket"),
        "AWS::S3::Bucket",
        {
            "BucketEncryption": {
                "ServerSideEncryptionConfiguration": [
                    {"ServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}
                ]
            },
            "PublicAccessBlockConfiguration": {
                k: True
                for k in ("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")
            },
            "VersioningConfiguration": {"Status": "Enabled"},
        },
        DeletionPolicy="Retain",
        UpdateReplacePolicy="Retain",
    )
    policy = ctx.add(
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
    ctx.add(
        ctx.lid(node),
        "AWS::CloudTrail::Trail",
        {
            "IsLogging": True,
            "S3BucketName": ref(bucket),
            "IsMultiRegionTrail": bool(_p(node, "multi_region", True)),
            "EnableLogFileValidation": bool(_p(node, "log_file_validation", True)),
            "IncludeGlobalServiceEvents": True,
            **(
                {
                    "EventSelectors": [
                        {
                            "ReadWriteType": "All",
                            "IncludeManagementEvents": True,
                            # Every object of every bucket and every function of the account.
                            "DataResources": [
                                {"Type": "AWS::S3::Object", "Values": [sub("arn:${AWS::Partition}:s3")]},
                                {
                                    "Type": "AWS::Lambda::Function",
                                    "Values": [sub("arn:${AWS::Partition}:lambda")],
                                },
                            ],
                        }
                    ]
                }
                if _p(node, "data_events", False)
                else {}
            ),
        },
        DependsOn=policy,
    )


def _account_administers_key() -> dict[str, Any]:
    """The key policy statement every key gets: the account (through IAM policies) administers and uses it."""
    return {
        "Effect": "Allow",
        "Principal": {"AWS": sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:root")},
        "Action": "kms:*",
        "Resource": "*",
    }


@renders("kms_key")
def _kms(ctx: CfnContext, node: ServiceNode) -> None:
    ctx.add(
        ctx.lid(node),
        "AWS::KMS::Key",
        {
            "EnableKeyRotation": bool(_p(node, "key_rotation", True)),
            "PendingWindowInDays": int(_p(node, "deletion_window_days", 30)),
            "KeyPolicy": {
                "Version": "2012-10-17",
                "Statement": [
                    _account_administers_key(),
                ],
            },
        },
    )


@renders("secrets_manager_secret")
def _secret(ctx: CfnContext, node: ServiceNode) -> None:
    ctx.add(
        ctx.lid(node),
        "AWS::SecretsManager::Secret",
        {
            "Description": node.label,
            "GenerateSecretString": {"PasswordLength": 32, "ExcludePunctuation": True},
        },
    )


@renders("cloudwatch_log_group")
def _log_group(ctx: CfnContext, node: ServiceNode) -> None:
    retention = str(_p(node, "retention_days", "30"))
    props: dict[str, Any] = {**({"RetentionInDays": int(retention)} if retention != "never" else {})}
    if _p(node, "encrypted", False):
        props["KmsKeyId"] = get_att(logs_key(ctx, node), "Arn")
    ctx.add(
        ctx.lid(node), "AWS::Logs::LogGroup", props, DeletionPolicy="Retain", UpdateReplacePolicy="Retain"
    )


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


@renders("cloudwatch_alarm")
def _alarm(ctx: CfnContext, node: ServiceNode) -> None:
    ctx.add(
        ctx.lid(node),
        "AWS::CloudWatch::Alarm",
        {
            "AlarmDescription": node.label,
            "MetricName": str(_p(node, "metric_name", "CPUUtilization")),
            "Namespace": "AWS/EC2",
            "Statistic": "Average",
            "Period": int(_p(node, "period_seconds", 300)),
            "EvaluationPeriods": 1,
            "Threshold": float(_p(node, "threshold", 80)),
            "ComparisonOperator": "GreaterThanThreshold",
        },
    )


@renders("elastic_ip")
def _eip(ctx: CfnContext, node: ServiceNode) -> None:
    instances = [t for t, _ in _targets(ctx, node, ConnectionKind.ATTACH) if t.type == "ec2_instance"]
    ctx.add(
        ctx.lid(node),
        "AWS::EC2::EIP",
        {"Domain": "vpc", **({"InstanceId": ref(ctx.lid(instances[0]))} if instances else {})},
    )


@renders("ecr_repository")
def _ecr(ctx: CfnContext, node: ServiceNode) -> None:
    ctx.add(
        ctx.lid(node),
        "AWS::ECR::Repository",
        {
            "RepositoryName": snake(node.label).replace("_", "-"),
            "ImageScanningConfiguration": {"ScanOnPush": bool(_p(node, "scan_on_push", True))},
            "ImageTagMutability": str(_p(node, "image_tag_mutability", "IMMUTABLE")),
            "EncryptionConfiguration": {"EncryptionType": str(_p(node, "encryption_type", "AES256"))},
            **(
                {
                    "LifecyclePolicy": {
                        "LifecyclePolicyText": _keep_last_images(int(_p(node, "lifecycle_keep_last")))
                    }
                }
                if _p(node, "lifecycle_keep_last")
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


@renders("ecs_cluster")
def _ecs_cluster(ctx: CfnContext, node: ServiceNode) -> None:
    ctx.add(
        ctx.lid(node),
        "AWS::ECS::Cluster",
        {
            "ClusterSettings": [
                {
                    "Name": "containerInsights",
                    "Value": "enabled" if _p(node, "container_insights", True) else "disabled",
                }
            ],
            **_capacity_providers(node),
        },
    )


def _capacity_providers(node: ServiceNode) -> dict[str, Any]:
    """The Fargate providers the design names, the first one taking the tasks that name no launch type."""
    providers = [str(p) for p in _p(node, "capacity_providers", [])]
    unknown = sorted(set(providers) - {"FARGATE", "FARGATE_SPOT"})
    if unknown:
        raise ExportError(
            f"{node.label}: capacity providers {', '.join(unknown)} need Auto Scaling groups the export does not "
            "write; use FARGATE or FARGATE_SPOT"
        )
    if not providers:
        return {}
    return {
        "CapacityProviders": providers,
        "DefaultCapacityProviderStrategy": [{"CapacityProvider": providers[0], "Weight": 1}],
    }


@renders("iam_role")
def _iam_role(ctx: CfnContext, node: ServiceNode) -> None:
    principal = str(_p(node, "assumed_by", "ec2.amazonaws.com"))
    ctx.add(
        ctx.lid(node),
        "AWS::IAM::Role",
        {
            "AssumeRolePolicyDocument": {
                "Version": "2012-10-17",
                "Statement": [
                    {"Effect": "Allow", "Principal": {"Service": principal}, "Action": "sts:AssumeRole"}
                ],
            },
            **(
                {"ManagedPolicyArns": list(_p(node, "managed_policy_arns"))}
                if _p(node, "managed_policy_arns")
                else {}
            ),
        },
    )
