"""Terraform in the shape the CloudFormation importer reads: variables as Parameters (so that a setting given by
a variable reads as its default), and the settings Terraform splits into resources of their own (a bucket's
versioning, encryption, public access block, lifecycle, website, notifications) put back on their owner as the
CloudFormation properties that say them."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

_VARIABLE = re.compile(r"\$\{var\.([A-Za-z0-9_]+)\}")
# The data sources that say what CloudFormation's pseudo parameters say.
PSEUDO = {
    "data.aws_region.current.name": "AWS::Region",
    "data.aws_region.current.region": "AWS::Region",
    "data.aws_caller_identity.current.account_id": "AWS::AccountId",
    "data.aws_partition.current.partition": "AWS::Partition",
    "data.aws_partition.current.dns_suffix": "AWS::URLSuffix",
}
_PSEUDO = re.compile(r"\$\{(" + "|".join(re.escape(name) for name in PSEUDO) + r")\}")
SSM_DATA_SOURCE = "data.aws_ssm_parameter."
# The value of an SSM parameter a data source reads (an AMI's): a parameter of the SSM type CloudFormation gives it.
_SSM_VALUE = re.compile(r"\$\{(data\.aws_ssm_parameter\.[A-Za-z0-9_-]+)\.(?:value|insecure_value)\}")
# Terraform types that are a part of another resource: folded into it (their own block stays in the files).
PARTS = (
    "aws_config_configuration_recorder_status",
    "aws_acm_certificate_validation",
    "aws_api_gateway_method_settings",
    "aws_ecr_lifecycle_policy",
    "aws_ecs_cluster_capacity_providers",
    "aws_efs_backup_policy",
    "aws_iam_role_policy_attachment",
    "aws_backup_vault_lock_configuration",
    "aws_datapipeline_pipeline_definition",
    "aws_proxy_protocol_policy",
    "aws_redshift_snapshot_copy",
    "aws_s3_bucket_lifecycle_configuration",
    "aws_s3_bucket_website_configuration",
    "aws_s3_bucket_notification",
    "aws_s3_bucket_object_lock_configuration",
    "aws_s3_bucket_ownership_controls",
    "aws_lambda_function_url",
    "aws_cloudwatch_event_target",
)


def _event_target(body: dict[str, Any]) -> dict[str, Any]:
    """A rule's target as CloudFormation lists it: the role the rule delivers as, the job a Batch queue is sent."""
    target = {"Id": body.get("target_id"), "Arn": body.get("arn")}
    if body.get("role_arn") is not None:
        target["RoleArn"] = body["role_arn"]
    batch = body.get("batch_target")
    batch = batch[0] if isinstance(batch, list) and batch else batch
    if isinstance(batch, dict):
        target["BatchParameters"] = {
            "JobDefinition": batch.get("job_definition"),
            "JobName": batch.get("job_name"),
        }
    return target


def variables_as_parameters(files: list[tuple[str, dict[str, Any]]]) -> dict[str, dict[str, Any]]:
    """Each variable as a Parameter, with its default and description where it has them."""
    parameters: dict[str, dict[str, Any]] = {}
    for _name, data in files:
        for entry in data.get("variable") or []:
            for name, body in (entry or {}).items():
                spec: dict[str, Any] = {"Type": "String"}
                if isinstance(body, dict) and "default" in body:
                    default = body["default"]
                    spec["Default"] = ",".join(map(str, default)) if isinstance(default, list) else default
                if isinstance(body, dict) and isinstance(body.get("description"), str):
                    spec["Description"] = body["description"]
                parameters[str(name)] = spec
    return parameters | _ssm_parameters(files, parameters)


def _ssm_parameters(
    files: list[tuple[str, dict[str, Any]]], variables: dict[str, dict[str, Any]]
) -> dict[str, dict[str, Any]]:
    """Each SSM parameter a data source reads, as a Parameter of the SSM type CloudFormation gives the same
    (read as `resolve:ssm:<name>`, intrinsics.py), its name given as written or by a variable's default."""
    parameters: dict[str, dict[str, Any]] = {}
    for _name, data in files:
        for entry in data.get("data") or []:
            for name, body in ((entry or {}).get("aws_ssm_parameter") or {}).items():
                named = body.get("name") if isinstance(body, dict) else None
                variable = _VARIABLE.fullmatch(named) if isinstance(named, str) else None
                if variable is not None:
                    named = variables.get(variable.group(1), {}).get("Default")
                if isinstance(named, str) and named:
                    ssm = {"Type": "AWS::SSM::Parameter::Value<String>", "Default": named}
                    parameters[f"{SSM_DATA_SOURCE}{name}"] = ssm
    return parameters


def variable_reference(value: str) -> Any:
    """`${var.x}` as a Ref to the parameter x, and the region, account and partition data sources as the pseudo
    parameters; text around them as a Sub. None when none is named."""
    ssm = _SSM_VALUE.fullmatch(value)
    if ssm:
        return {"Ref": ssm.group(1)}
    if not _VARIABLE.search(value) and not _PSEUDO.search(value):
        return None
    whole = _VARIABLE.fullmatch(value) or _PSEUDO.fullmatch(value)
    if whole:
        return {"Ref": PSEUDO.get(whole.group(1), whole.group(1))}
    text = _PSEUDO.sub(
        lambda m: "${" + PSEUDO[m.group(1)] + "}", _VARIABLE.sub(lambda m: "${" + m.group(1) + "}", value)
    )
    if re.search(r"\$\{[^}]*[.(]", text.replace("${AWS::", "")):
        return None  # other expressions remain: the text is kept as written
    return {"Fn::Sub": text}


def _first(value: Any) -> dict[str, Any]:
    """A block Terraform writes as a one-item list, as its mapping."""
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return value[0]
    return value if isinstance(value, dict) else {}


def _versioning(body: dict[str, Any]) -> dict[str, Any]:
    status = _first(body.get("versioning_configuration")).get("status")
    return {"VersioningConfiguration": {"Status": status}} if status else {}


def _encryption(body: dict[str, Any]) -> dict[str, Any]:
    default = _first(_first(body.get("rule")).get("apply_server_side_encryption_by_default"))
    if not default:
        return {}
    by_default = {"SSEAlgorithm": default.get("sse_algorithm")}
    if default.get("kms_master_key_id"):
        by_default["KMSMasterKeyID"] = default["kms_master_key_id"]
    return {
        "BucketEncryption": {
            "ServerSideEncryptionConfiguration": [{"ServerSideEncryptionByDefault": by_default}]
        }
    }


def _public_access(body: dict[str, Any]) -> dict[str, Any]:
    keys = {
        "block_public_acls": "BlockPublicAcls",
        "block_public_policy": "BlockPublicPolicy",
        "ignore_public_acls": "IgnorePublicAcls",
        "restrict_public_buckets": "RestrictPublicBuckets",
    }
    return {"PublicAccessBlockConfiguration": {cfn: body[tf] for tf, cfn in keys.items() if tf in body}}


def _lifecycle(body: dict[str, Any]) -> dict[str, Any]:
    rules = []
    for rule in body.get("rule") or []:
        if not isinstance(rule, dict):
            continue
        shaped: dict[str, Any] = {"Status": rule.get("status", "Enabled")}
        transitions = [
            {"TransitionInDays": t.get("days"), "StorageClass": t.get("storage_class")}
            for t in rule.get("transition") or []
            if isinstance(t, dict)
        ]
        if transitions:
            shaped["Transitions"] = transitions
        abort = _first(rule.get("abort_incomplete_multipart_upload"))
        if abort:
            shaped["AbortIncompleteMultipartUpload"] = {
                "DaysAfterInitiation": abort.get("days_after_initiation")
            }
        rules.append(shaped)
    return {"LifecycleConfiguration": {"Rules": rules}} if rules else {}


def _website(body: dict[str, Any]) -> dict[str, Any]:
    index = _first(body.get("index_document")).get("suffix")
    error = _first(body.get("error_document")).get("key")
    return {
        "WebsiteConfiguration": {k: v for k, v in (("IndexDocument", index), ("ErrorDocument", error)) if v}
    }


def _notifications(body: dict[str, Any]) -> dict[str, Any]:
    kinds = (
        ("lambda_function", "lambda_function_arn", "LambdaConfigurations", "Function"),
        ("queue", "queue_arn", "QueueConfigurations", "Queue"),
        ("topic", "topic_arn", "TopicConfigurations", "Topic"),
    )
    shaped = {
        cfn: [{key: item.get(arn)} for item in body.get(block) or [] if isinstance(item, dict)]
        for block, arn, cfn, key in kinds
    }
    return {"NotificationConfiguration": {k: v for k, v in shaped.items() if v}}


BUCKET_SETTINGS = {
    "aws_s3_bucket_versioning": _versioning,
    "aws_s3_bucket_server_side_encryption_configuration": _encryption,
    "aws_s3_bucket_public_access_block": _public_access,
    "aws_s3_bucket_lifecycle_configuration": _lifecycle,
    "aws_s3_bucket_website_configuration": _website,
    "aws_s3_bucket_notification": _notifications,
    "aws_s3_bucket_object_lock_configuration": lambda body: {"ObjectLockEnabled": True},
}


def _pipeline_definition(body: dict[str, Any]) -> dict[str, Any]:
    objects = []
    for item in body.get("pipeline_object") or []:
        if not isinstance(item, dict):
            continue
        fields = [
            {
                "Key": f.get("key"),
                **({"RefValue": f["ref_value"]} if "ref_value" in f else {}),
                **({"StringValue": f["string_value"]} if "string_value" in f else {}),
            }
            for f in item.get("field") or []
            if isinstance(f, dict)
        ]
        objects.append({"Id": item.get("id"), "Name": item.get("name"), "Fields": fields})
    return {"PipelineObjects": objects}


def _method_settings(body: dict[str, Any]) -> dict[str, Any]:
    settings = _first(body.get("settings"))
    keys = {"throttling_rate_limit": "ThrottlingRateLimit", "throttling_burst_limit": "ThrottlingBurstLimit"}
    shaped = {cfn: settings[tf] for tf, cfn in keys.items() if tf in settings}
    return {"MethodSettings": [shaped]} if shaped else {}


# A REST API method's integration and responses, which CloudFormation writes on the method itself.
_INTEGRATION_KEYS = {
    "type": "Type",
    "integration_http_method": "IntegrationHttpMethod",
    "uri": "Uri",
    "credentials": "Credentials",
    "request_parameters": "RequestParameters",
    "request_templates": "RequestTemplates",
}


def _integration(body: dict[str, Any]) -> dict[str, Any]:
    return {"Integration": {cfn: body[tf] for tf, cfn in _INTEGRATION_KEYS.items() if tf in body}}


# Terraform types that set something of another resource: (the argument naming that owner, its properties).
OWNER_SETTINGS: dict[str, tuple[str, Callable[[dict[str, Any]], dict[str, Any]]]] = {
    **{tf_type: ("bucket", shape) for tf_type, shape in BUCKET_SETTINGS.items()},
    "aws_api_gateway_method_settings": ("stage_name", _method_settings),
    "aws_api_gateway_integration": ("http_method", _integration),
    "aws_api_gateway_method_response": (
        "http_method",
        lambda body: {"MethodResponses": [{"StatusCode": body.get("status_code")}]},
    ),
    "aws_api_gateway_integration_response": (
        "http_method",
        lambda body: {"Integration": {"IntegrationResponses": [{"StatusCode": body.get("status_code")}]}},
    ),
    "aws_ecr_lifecycle_policy": (
        "repository",
        lambda body: {"LifecyclePolicy": {"LifecyclePolicyText": body.get("policy")}},
    ),
    "aws_ecs_cluster_capacity_providers": (
        "cluster_name",
        lambda body: {"CapacityProviders": body.get("capacity_providers") or []},
    ),
    "aws_iam_role_policy_attachment": ("role", lambda body: {"ManagedPolicyArns": [body.get("policy_arn")]}),
    "aws_datapipeline_pipeline_definition": ("pipeline_id", _pipeline_definition),
    "aws_backup_vault_lock_configuration": (
        "backup_vault_name",
        lambda body: {"LockConfiguration": {"MinRetentionDays": body.get("min_retention_days")}},
    ),
    "aws_proxy_protocol_policy": (
        "load_balancer",
        lambda body: {
            "Policies": [
                {"PolicyType": "ProxyProtocolPolicyType", "InstancePorts": body.get("instance_ports")}
            ]
        },
    ),
    "aws_redshift_snapshot_copy": (
        "cluster_identifier",
        lambda body: {"DestinationRegion": body.get("destination_region")},
    ),
    "aws_ram_resource_association": (
        "resource_share_arn",
        lambda body: {"ResourceArns": [body.get("resource_arn")]},
    ),
    # A target attached to a group is one of the group's Targets, as CloudFormation lists them.
    "aws_lb_target_group_attachment": (
        "target_group_arn",
        lambda body: {"Targets": [{"Id": body.get("target_id")}]},
    ),
    # A rule's target is one of the rule's Targets, as CloudFormation lists them.
    "aws_cloudwatch_event_target": (
        "rule",
        lambda body: {"Targets": [_event_target(body)]},
    ),
    "aws_ram_principal_association": (
        "resource_share_arn",
        lambda body: {"Principals": [body.get("principal")]},
    ),
}


def owner_settings(
    tf_type: str, body: dict[str, Any], convert: Callable[[Any], Any]
) -> tuple[str, dict[str, Any]] | None:
    """A resource that sets something of another: the argument naming its owner, and the owner's CloudFormation
    properties it stands for, from its arguments in CloudFormation's shape (`convert`); None for other types, whose
    arguments are not converted for nothing."""
    found = OWNER_SETTINGS.get(tf_type)
    if found is None:
        return None
    return found[0], found[1]({key: convert(value) for key, value in body.items()})


def merge_settings(properties: dict[str, Any], settings: dict[str, Any]) -> None:
    """Settings added to an owner's properties: lists extend (one attachment per managed policy), mappings merge
    (a method's integration and its responses), the rest set."""
    for key, value in settings.items():
        if isinstance(value, list) and isinstance(properties.get(key), list):
            properties[key] = [*properties[key], *value]
        elif isinstance(value, dict) and isinstance(properties.get(key), dict):
            merge_settings(properties[key], value)
        else:
            properties[key] = value
