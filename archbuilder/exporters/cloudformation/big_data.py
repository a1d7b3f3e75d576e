"""CloudFormation for big data processing: EMR clusters (their roles, instance groups, encryption by a security
configuration, idle termination) and AWS Data Pipeline pipelines (their schedule, compute, data nodes from the
connections drawn, and roles)."""

from __future__ import annotations

from typing import Any

from archbuilder.catalog import ConnectionKind
from archbuilder.exporters.cloudformation.context import CfnContext, get_att, ref, sub
from archbuilder.exporters.cloudformation.kit import (
    Renderer,
    assumable_role,
    by_hand,
    managed_policy,
    own_key,
    prop,
    service_role,
    targets_of,
    waits_for_policy,
)
from archbuilder.model import ServiceNode

# What a caller of a pipeline may do: activate it and follow it. Activation starts the pipeline's runs as its two
# roles, which the caller passes to Data Pipeline (Service Authorization Reference, AWS Data Pipeline: the pipeline
# is the resource of both actions, and ActivatePipeline depends on iam:PassRole; checked 2026-12-06).
PIPELINE_ACTIVATION = ["datapipeline:ActivatePipeline", "datapipeline:DescribePipelines"]
PIPELINE_ARN = "arn:${{AWS::Partition}}:datapipeline:${{AWS::Region}}:${{AWS::AccountId}}:pipeline/${{{}}}"

# AmazonEMRServicePolicy_v2 acts only on network resources carrying this tag.
EMR_TAG = {"Key": "for-use-with-amazon-emr-managed-policies", "Value": "true"}


def _group(node: ServiceNode, kind: str, count: int) -> dict[str, Any]:
    """An instance group; Spot capacity is capped at the On-Demand price (EMR's OnDemandPrice)."""
    market = str(prop(node, f"{kind}_market", "ON_DEMAND"))
    group: dict[str, Any] = {
        "InstanceCount": count,
        "InstanceType": str(prop(node, f"{kind}_instance_type", "m5.xlarge")),
        "Market": market,
    }
    if market == "SPOT":
        group["BidPrice"] = "OnDemandPrice"
    return group


def _tag_for_emr(ctx: CfnContext, node: ServiceNode) -> None:
    """The v2 service policy manages only what is tagged for it: the cluster's subnet and its security group.
    A subnet the template does not declare (the account's default VPC, a network taken as it is) is tagged by
    whoever owns it."""
    named = [*ctx.subnet_refs(node), *ctx.sg_refs(node)]
    for logical in [r["Ref"] for r in named if isinstance(r, dict) and r.get("Ref") in ctx.resources]:
        tags = ctx.resources[logical]["Properties"].setdefault("Tags", [])
        if EMR_TAG not in tags:
            tags.append(dict(EMR_TAG))


def _emr(ctx: CfnContext, node: ServiceNode) -> None:
    service = assumable_role(
        ctx,
        ctx.lid(node, "ServiceRole"),
        ["elasticmapreduce.amazonaws.com"],
        [managed_policy("service-role/AmazonEMRServicePolicy_v2")],
    )
    # The instances' role: what the cluster's connections allow, its log location and its key.
    role = service_role(ctx, node, "ec2.amazonaws.com")
    profile = ctx.add(ctx.lid(node, "InstanceProfile"), "AWS::IAM::InstanceProfile", {"Roles": [ref(role)]})
    _tag_for_emr(ctx, node)
    groups = ctx.sg_refs(node)
    instances: dict[str, Any] = {
        "Ec2SubnetId": ctx.subnet_refs(node)[0],
        "MasterInstanceGroup": {**_group(node, "master", 1), "Market": "ON_DEMAND"},
        "KeepJobFlowAliveWhenNoSteps": True,
        "TerminationProtected": False,
        "AdditionalMasterSecurityGroups": groups,
        "AdditionalSlaveSecurityGroups": groups,
    }
    instances["MasterInstanceGroup"].pop("BidPrice", None)
    cores = int(prop(node, "core_instance_count", 2))
    if cores:
        instances["CoreInstanceGroup"] = _group(node, "core", cores)
    props: dict[str, Any] = {
        "Name": sub(f"${{AWS::StackName}}-{ctx.lid(node)}"),
        "ReleaseLabel": str(prop(node, "release_label", "emr-7.1.0")),
        "Applications": [{"Name": str(name)} for name in prop(node, "applications", ["Hadoop", "Spark"])],
        "Instances": instances,
        "ServiceRole": ref(service),
        "JobFlowRole": ref(profile),
        "VisibleToAllUsers": True,
        "AutoTerminationPolicy": {"IdleTimeout": int(prop(node, "auto_termination_idle_seconds", 3600))},
        "Tags": ctx.tags(node),
    }
    logs = str(prop(node, "log_uri", "") or "")
    if logs:
        props["LogUri"] = logs
        bucket = logs[5:].split("/")[0] if logs.startswith("s3://") else ""
        if bucket:
            ctx.allow(node, ["s3:PutObject"], sub(f"arn:${{AWS::Partition}}:s3:::{logs[5:].rstrip('/')}/*"))
            ctx.allow(node, ["s3:ListBucket"], sub(f"arn:${{AWS::Partition}}:s3:::{bucket}"))
    if prop(node, "encrypted", True):
        props["SecurityConfiguration"] = ref(_security_configuration(ctx, node))
    cluster = ctx.add(ctx.lid(node), "AWS::EMR::Cluster", props)
    waits_for_policy(ctx, cluster, role)
    tasks = int(prop(node, "task_instance_count", 0))
    if tasks:
        ctx.add(
            ctx.lid(node, "TaskGroup"),
            "AWS::EMR::InstanceGroupConfig",
            {
                "JobFlowId": ref(cluster),
                "InstanceRole": "TASK",
                "Name": "task",
                **_group(node, "task", tasks),
            },
        )
    ctx.output(f"{cluster}Id", ref(cluster), f"Cluster id of {node.label}")


def _security_configuration(ctx: CfnContext, node: ServiceNode) -> str:
    """Local disks (and their EBS volumes) encrypted with a key of the cluster's own, EMRFS data in S3 with S3's."""
    key = own_key(ctx, node, "the cluster's local disks")
    return ctx.add(
        ctx.lid(node, "SecurityConfiguration"),
        "AWS::EMR::SecurityConfiguration",
        {
            "SecurityConfiguration": {
                "EncryptionConfiguration": {
                    "EnableInTransitEncryption": False,
                    "EnableAtRestEncryption": True,
                    "AtRestEncryptionConfiguration": {
                        "S3EncryptionConfiguration": {"EncryptionMode": "SSE-S3"},
                        "LocalDiskEncryptionConfiguration": {
                            "EncryptionKeyProviderType": "AwsKms",
                            "AwsKmsKey": get_att(key, "Arn"),
                            "EnableEbsEncryption": True,
                        },
                    },
                }
            }
        },
    )


# ---------------------------------------------------------------- Data Pipeline

# Activities whose database objects hold a password in the definition itself (Data Pipeline reads no secret).
NEEDS_CREDENTIALS = {"SqlActivity", "RedshiftCopyActivity"}
ON_EMR = {"EmrActivity", "HiveActivity"}
# Stand-in work for the activities that run something of the user's, replaced by their own.
ACTIVITY_FIELDS = {
    "ShellCommandActivity": {"command": "echo replace this command"},
    "EmrActivity": {"step": "command-runner.jar,echo,replace this step"},
    "HiveActivity": {"hiveScript": "INSERT OVERWRITE TABLE ${output1} SELECT * FROM ${input1};"},
}


def _field(key: str, value: Any, reference: bool = False) -> dict[str, Any]:
    return {"Key": key, "RefValue" if reference else "StringValue": value}


def _data_node(
    ctx: CfnContext, pipeline: ServiceNode, store: ServiceNode, name: str, hive: bool
) -> dict[str, Any] | None:
    if store.type == "s3_bucket":
        fields = [
            _field("type", "S3DataNode"),
            _field("directoryPath", sub(f"s3://${{{ctx.lid(store)}}}/{ctx.lid(pipeline)}/{name}/")),
        ]
        if hive:
            fields.append(_field("dataFormat", "Csv", reference=True))
    elif store.type == "dynamodb_table" and hive:  # a copy moves files and rows of SQL tables only
        fields = [_field("type", "DynamoDBDataNode"), _field("tableName", ref(ctx.lid(store)))]
    else:
        return None
    return {"Id": name, "Name": name, "Fields": fields}


def _data_pipeline(ctx: CfnContext, node: ServiceNode) -> None:
    activity = str(prop(node, "activity", "CopyActivity"))
    period = str(prop(node, "schedule_period", "1 day"))
    if activity in NEEDS_CREDENTIALS:
        by_hand(
            ctx,
            node,
            f"a {activity} reads a database whose password Data Pipeline keeps in the definition itself: define the "
            f"pipeline (every {period}) in the console; it is not written",
        )
        return
    sources = [t for t, _ in targets_of(ctx, node, ConnectionKind.READ, ConnectionKind.READ_WRITE)]
    sinks = [t for t, _ in targets_of(ctx, node, ConnectionKind.WRITE, ConnectionKind.READ_WRITE)]
    hive = activity == "HiveActivity"
    inputs = [n for n in (_data_node(ctx, node, s, "Input", hive) for s in sources[:1]) if n]
    outputs = [n for n in (_data_node(ctx, node, s, "Output", hive) for s in sinks[:1]) if n]
    if activity in ("CopyActivity", "HiveActivity") and not (inputs and outputs):
        by_hand(
            ctx,
            node,
            f"a {activity} reads data and writes it elsewhere: connect a bucket it reads and one it writes "
            f"({'a table also serves Hive' if hive else 'a copy moves objects between buckets'}); not written",
        )
        return
    roles = _pipeline_roles(ctx, node)
    objects = _pipeline_objects(ctx, node, activity, period, roles, inputs, outputs)
    ctx.add(
        ctx.lid(node),
        "AWS::DataPipeline::Pipeline",
        {
            "Name": sub(f"${{AWS::StackName}}-{ctx.lid(node)}"),
            "Description": node.label,
            # The Terraform provider cannot activate a pipeline; neither format does, so both deploy the same.
            "Activate": False,
            "PipelineObjects": objects,
            "PipelineTags": ctx.tags(node),
        },
    )
    by_hand(
        ctx, node, "activate the pipeline once its definition is checked (aws datapipeline activate-pipeline)"
    )


def let_activate(ctx: CfnContext, caller: ServiceNode, pipeline: ServiceNode) -> bool:
    """Lets the caller's role activate the pipeline (which the export leaves inactive) and pass it its roles; False
    when the pipeline is not written (its own step says why), so nothing can be granted on it."""
    logical = ctx.lid(pipeline)
    if logical not in ctx.resources or caller.id not in ctx.roles:
        return False
    ctx.allow(caller, PIPELINE_ACTIVATION, sub(PIPELINE_ARN.format(logical)))
    roles = (ctx.lid(pipeline, "PipelineRole"), ctx.lid(pipeline, "ResourceRole"))
    ctx.allow(caller, ["iam:PassRole"], [get_att(role, "Arn") for role in roles])
    return True


def _pipeline_roles(ctx: CfnContext, node: ServiceNode) -> tuple[str, str]:
    """The role Data Pipeline acts as, and the instance profile of the instances it launches (named as their role,
    as Data Pipeline expects)."""
    pipeline_role = assumable_role(
        ctx,
        ctx.lid(node, "PipelineRole"),
        ["datapipeline.amazonaws.com", "elasticmapreduce.amazonaws.com"],
        [managed_policy("service-role/AWSDataPipelineRole")],
    )
    resource_role = assumable_role(
        ctx,
        ctx.lid(node, "ResourceRole"),
        ["ec2.amazonaws.com"],
        [managed_policy("service-role/AmazonEC2RoleforDataPipelineRole")],
    )
    profile = ctx.add(
        ctx.lid(node, "InstanceProfile"),
        "AWS::IAM::InstanceProfile",
        {"InstanceProfileName": ref(resource_role), "Roles": [ref(resource_role)]},
    )
    return pipeline_role, profile


def _pipeline_objects(
    ctx: CfnContext,
    node: ServiceNode,
    activity: str,
    period: str,
    roles: tuple[str, str],
    inputs: list[dict[str, Any]],
    outputs: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    resource_type = "EmrCluster" if activity in ON_EMR else "Ec2Resource"
    activity_fields = [_field("type", activity), _field("runsOn", "Compute", reference=True)]
    activity_fields += [_field("input", item["Id"], reference=True) for item in inputs]
    activity_fields += [_field("output", item["Id"], reference=True) for item in outputs]
    activity_fields += [_field(key, value) for key, value in ACTIVITY_FIELDS.get(activity, {}).items()]
    objects = [
        {
            "Id": "Default",
            "Name": "Default",
            "Fields": [
                _field("type", "Default"),
                _field("scheduleType", "cron"),
                _field("schedule", "Schedule", reference=True),
                _field("failureAndRerunMode", "CASCADE"),
                _field("role", ref(roles[0])),
                _field("resourceRole", ref(roles[1])),
            ],
        },
        {
            "Id": "Schedule",
            "Name": f"Every {period}",
            "Fields": [
                _field("type", "Schedule"),
                _field("period", period),
                _field("startAt", "FIRST_ACTIVATION_DATE_TIME"),
            ],
        },
        {
            "Id": "Compute",
            "Name": "Compute",
            "Fields": [_field("type", resource_type), _field("terminateAfter", "2 Hours")],
        },
        *inputs,
        *outputs,
        {"Id": "Activity", "Name": activity, "Fields": activity_fields},
    ]
    if activity == "HiveActivity":
        objects.append({"Id": "Csv", "Name": "Csv", "Fields": [_field("type", "CSV")]})
    return objects


# The resource types this module renders; renderers.py merges every module's table.
RENDERERS: dict[str, Renderer] = {
    "emr_cluster": _emr,
    "data_pipeline": _data_pipeline,
}
