"""A Terraform resource's arguments in the shape of its CloudFormation twin's properties, for the companions whose
settings the importer reads with the CloudFormation readers (importers/property_readers.py, network_readers.py,
member_readers.py, scaling.py): a security group's inline rules, a network ACL entry's ports, a table's keys,
a launch template's data, a record's routing. The Terraform arguments stay beside them under their own names,
which resources/import/terraform.yaml reads."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from archbuilder.importers.terraform_names import ARGUMENTS, RENAMES


class Convert(Protocol):
    def __call__(self, value: Any) -> Any:
        """A Terraform value in CloudFormation's shape (references as Ref, Sub, GetAZs)."""

    def policy(self, value: Any) -> dict[str, Any] | None:
        """The policy document a value is (template_values.policy_document), or None."""


Shape = Callable[[dict[str, Any], Convert], dict[str, Any]]


def shaped(tf_type: str, body: dict[str, Any], convert: Convert) -> dict[str, Any]:
    """One resource's arguments, with those the importer reads also under their CloudFormation names."""
    renames = RENAMES.get(tf_type, {})
    properties = {
        renames.get(key, ARGUMENTS.get(key, key)): _renamed(convert(value)) for key, value in body.items()
    }
    shape = SHAPES.get(tf_type)
    if shape is not None:
        properties.update(shape(body, convert))
    return properties


def _renamed(value: Any) -> Any:
    """Nested blocks' arguments under the CloudFormation names too (a function's `vpc_config` names its
    security groups as `SecurityGroupIds`, as the importer looks for them at any depth)."""
    if isinstance(value, list):
        return [_renamed(item) for item in value]
    if isinstance(value, dict) and not (
        len(value) == 1 and str(next(iter(value))).startswith(("Ref", "Fn::"))
    ):
        return {ARGUMENTS.get(key, key): _renamed(item) for key, item in value.items()}
    return value


def first(value: Any) -> dict[str, Any]:
    """A block Terraform writes as a one-item list, as its mapping."""
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return value[0]
    return value if isinstance(value, dict) else {}


def _blocks(value: Any) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _load_balancer(body: dict[str, Any], convert: Convert) -> dict[str, Any]:
    return {
        "Type": "network" if body.get("load_balancer_type") == "network" else "application",
        "Scheme": "internal" if body.get("internal") is True else "internet-facing",
    }


def _listener(body: dict[str, Any], convert: Convert) -> dict[str, Any]:
    listener = {
        "Port": body.get("port"),
        "Protocol": body.get("protocol"),
        "DefaultActions": [_listener_action(a, convert) for a in _blocks(body.get("default_action"))],
    }
    if "certificate_arn" in body:
        listener["Certificates"] = [{"CertificateArn": convert(body["certificate_arn"])}]
    return listener


def _distribution(body: dict[str, Any], convert: Convert) -> dict[str, Any]:
    viewer = first(body.get("viewer_certificate"))
    if "acm_certificate_arn" not in viewer:
        return {}
    return {
        "DistributionConfig": {
            "ViewerCertificate": {"AcmCertificateArn": convert(viewer["acm_certificate_arn"])}
        }
    }


def _listener_action(action: dict[str, Any], convert: Convert) -> dict[str, Any]:
    """A listener's default_action block in the shape of CloudFormation's DefaultActions entry."""
    shaped_action: dict[str, Any] = {"Type": action.get("type", "forward")}
    if action.get("target_group_arn") is not None:
        shaped_action["TargetGroupArn"] = convert(action["target_group_arn"])
    redirect = first(action.get("redirect"))
    if redirect:
        shaped_action["RedirectConfig"] = {"Protocol": redirect.get("protocol"), "Port": redirect.get("port")}
    return shaped_action


def _security_group(body: dict[str, Any], convert: Convert) -> dict[str, Any]:
    """Inline rules, one per CIDR range, as CloudFormation writes them."""
    shaped_rules: dict[str, Any] = {}
    for block, key in (("ingress", "SecurityGroupIngress"), ("egress", "SecurityGroupEgress")):
        rules = []
        for rule in _blocks(body.get(block)):
            for cidr in rule.get("cidr_blocks") or []:
                entry = {"IpProtocol": rule.get("protocol"), "CidrIp": convert(cidr)}
                entry.update(
                    {k: rule[t] for t, k in (("from_port", "FromPort"), ("to_port", "ToPort")) if t in rule}
                )
                if "description" in rule:
                    entry["Description"] = rule["description"]
                rules.append(entry)
        if rules:
            shaped_rules[key] = rules
    return shaped_rules


def _acl_entry(body: dict[str, Any], convert: Convert) -> dict[str, Any]:
    if "from_port" not in body:
        return {}
    return {"PortRange": {"From": body.get("from_port"), "To": body.get("to_port", body.get("from_port"))}}


def _table(body: dict[str, Any], convert: Convert) -> dict[str, Any]:
    """A table's keys, attributes, throughput and settings as an AWS::DynamoDB::Table's (and its replica blocks
    and stream as a global table's Replicas and StreamSpecification)."""
    table: dict[str, Any] = {
        "KeySchema": [
            {"AttributeName": convert(body[key]), "KeyType": kind}
            for key, kind in (("hash_key", "HASH"), ("range_key", "RANGE"))
            if key in body
        ],
        "AttributeDefinitions": [
            {"AttributeName": convert(a.get("name")), "AttributeType": a.get("type")}
            for a in _blocks(body.get("attribute"))
        ],
    }
    capacity = {
        k: body[t]
        for t, k in (("read_capacity", "ReadCapacityUnits"), ("write_capacity", "WriteCapacityUnits"))
        if t in body
    }
    if capacity:
        table["ProvisionedThroughput"] = capacity
    ttl = first(body.get("ttl"))
    if ttl:
        table["TimeToLiveSpecification"] = {
            "AttributeName": ttl.get("attribute_name"),
            "Enabled": ttl.get("enabled"),
        }
    for block, key, setting in (
        ("point_in_time_recovery", "PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled"),
        ("server_side_encryption", "SSESpecification", "SSEEnabled"),
    ):
        if "enabled" in first(body.get(block)):
            table[key] = {setting: first(body.get(block))["enabled"]}
    replicas = _blocks(body.get("replica"))
    if replicas:
        table["Replicas"] = [{"Region": r.get("region_name")} for r in replicas]
    if isinstance(body.get("stream_view_type"), str):
        table["StreamSpecification"] = {"StreamViewType": body["stream_view_type"]}
    return table


def _scaling_group(body: dict[str, Any], convert: Convert) -> dict[str, Any]:
    launch = first(body.get("launch_template"))
    if not launch:
        return {}
    return {
        "LaunchTemplate": {
            "LaunchTemplateId": convert(launch.get("id")),
            "Version": convert(launch.get("version")),
        }
    }


def _launch_template(body: dict[str, Any], convert: Convert) -> dict[str, Any]:
    """The template's arguments are its launch data (read by Terraform's names through `LaunchTemplateData`)."""
    return {
        "LaunchTemplateData": {
            ARGUMENTS.get(k, k): convert(v) for k, v in body.items() if k not in ("name", "tags")
        }
    }


def _scaling_policy(body: dict[str, Any], convert: Convert) -> dict[str, Any]:
    tracking = first(body.get("target_tracking_configuration"))
    if not tracking:
        return {}
    metric = first(tracking.get("predefined_metric_specification"))
    return {
        "TargetTrackingConfiguration": {
            "TargetValue": tracking.get("target_value"),
            "PredefinedMetricSpecification": {"PredefinedMetricType": metric.get("predefined_metric_type")},
        }
    }


def _record(body: dict[str, Any], convert: Convert) -> dict[str, Any]:
    record: dict[str, Any] = {}
    for block, key, argument in (
        ("weighted_routing_policy", "Weight", "weight"),
        ("latency_routing_policy", "Region", "region"),
        ("failover_routing_policy", "Failover", "type"),
        ("geolocation_routing_policy", "GeoLocation", None),
    ):
        policy = first(body.get(block))
        if policy:
            record[key] = policy.get(argument) if argument else policy
    if body.get("multivalue_answer_routing_policy") is not None:
        record["MultiValueAnswer"] = body["multivalue_answer_routing_policy"]
    alias = first(body.get("alias"))
    if alias:
        record["AliasTarget"] = {
            "DNSName": convert(alias.get("name")),
            "EvaluateTargetHealth": alias.get("evaluate_target_health"),
        }
    return record


def _glue_database(body: dict[str, Any], convert: Convert) -> dict[str, Any]:
    return {"DatabaseInput": {"Name": convert(body.get("name"))}}


def _role(body: dict[str, Any], convert: Convert) -> dict[str, Any]:
    document = convert.policy(body.get("assume_role_policy"))
    return {"AssumeRolePolicyDocument": convert(document)} if document is not None else {}


def _role_policy(body: dict[str, Any], convert: Convert) -> dict[str, Any]:
    """The policy's statements, so that what it grants reads as connections (and not guessed wider)."""
    document = convert.policy(body.get("policy"))
    return {
        "PolicyDocument": convert(document) if document is not None else None,
        "Roles": [convert(body.get("role"))],
    }


def _emr_cluster(body: dict[str, Any], convert: Convert) -> dict[str, Any]:
    """The subnet an EMR cluster's `ec2_attributes` name, where CloudFormation names it (Instances.Ec2SubnetId)."""
    subnet = first(body.get("ec2_attributes")).get("subnet_id")
    return {"Instances": {"Ec2SubnetId": convert(subnet)}} if subnet is not None else {}


def _beanstalk_environment(body: dict[str, Any], convert: Convert) -> dict[str, Any]:
    """An environment's `setting` blocks as CloudFormation's OptionSettings, its tier as Tier.Name."""
    settings = [
        {
            "Namespace": block.get("namespace"),
            "OptionName": block.get("name"),
            "Value": convert(block.get("value")),
        }
        for block in _blocks(body.get("setting"))
    ]
    shaped_environment: dict[str, Any] = {"OptionSettings": settings} if settings else {}
    if isinstance(body.get("tier"), str):
        shaped_environment["Tier"] = {"Name": body["tier"]}
    return shaped_environment


def _pipeline(body: dict[str, Any], convert: Convert) -> dict[str, Any]:
    """A pipeline's stage and action blocks as CloudFormation's Stages (what its actions read and deploy to)."""
    stages = []
    for stage in _blocks(body.get("stage")):
        actions = [
            {
                "Name": action.get("name"),
                "ActionTypeId": {
                    key.title(): action.get(key) for key in ("category", "owner", "provider", "version")
                },
                "Configuration": convert(action.get("configuration") or {}),
                "InputArtifacts": [{"Name": name} for name in action.get("input_artifacts") or []],
                "OutputArtifacts": [{"Name": name} for name in action.get("output_artifacts") or []],
            }
            for action in _blocks(stage.get("action"))
        ]
        stages.append({"Name": stage.get("name"), "Actions": actions})
    return {"Stages": stages} if stages else {}


def _function(body: dict[str, Any], convert: Convert) -> dict[str, Any]:
    """A function's VPC settings under CloudFormation's name (its subnets and groups), and its tracing mode: a
    function tracing actively sends its traces to the template's X-Ray group (connections.py)."""
    shaped = _aliased("VpcConfig", "vpc_config")(body, convert)
    mode = first(body.get("tracing_config")).get("mode")
    return shaped | ({"TracingConfig": {"Mode": mode}} if isinstance(mode, str) else {})


def _aliased(cloudformation_name: str, block: str, inner: str | None = None) -> Shape:
    """A block under its CloudFormation name too (its arguments renamed), where the importer looks for the
    subnets and groups a service runs in (importers/services.py)."""

    def shape(body: dict[str, Any], convert: Convert) -> dict[str, Any]:
        found = first(body.get(block))
        if not found:
            return {}
        renamed = _renamed(convert(found))
        return {cloudformation_name: {inner: renamed} if inner else renamed}

    return shape


def _ecs_service(body: dict[str, Any], convert: Convert) -> dict[str, Any]:
    """Its network under CloudFormation's name, and the capacity providers its strategy names (importers/
    capacity.py reads its launch type and container instances from them)."""
    shaped = _aliased("NetworkConfiguration", "network_configuration", "AwsvpcConfiguration")(body, convert)
    strategy = [
        {"CapacityProvider": convert(item.get("capacity_provider"))}
        for item in _blocks(body.get("capacity_provider_strategy"))
    ]
    return {**shaped, **({"CapacityProviderStrategy": strategy} if strategy else {})}


def _capacity_provider(body: dict[str, Any], convert: Convert) -> dict[str, Any]:
    group = first(body.get("auto_scaling_group_provider"))
    return {"AutoScalingGroupProvider": {"AutoScalingGroupArn": convert(group.get("auto_scaling_group_arn"))}}


def _instance_profile(body: dict[str, Any], convert: Convert) -> dict[str, Any]:
    """A profile passes its one role on to the instance that names it (folding.py)."""
    return {"Roles": [convert(body["role"])]} if "role" in body else {}


def _backup_plan(body: dict[str, Any], convert: Convert) -> dict[str, Any]:
    """A plan's rules' vault, where CloudFormation names it (which vault the plan and its selections are of)."""
    rules = [
        {"TargetBackupVault": convert(rule.get("target_vault_name"))} for rule in _blocks(body.get("rule"))
    ]
    return {"BackupPlan": {"BackupPlanRule": rules}}


def _backup_selection(body: dict[str, Any], convert: Convert) -> dict[str, Any]:
    """What a selection backs up (read as written to the vault) and the role it does so with."""
    return {
        "BackupSelection": {
            "SelectionName": convert(body.get("name")),
            "IamRoleArn": convert(body.get("iam_role_arn")),
            "Resources": convert(body.get("resources") or []),
        }
    }


def _workgroup(body: dict[str, Any], convert: Convert) -> dict[str, Any]:
    """Where a workgroup writes its query results, where CloudFormation names it."""
    location = first(first(body.get("configuration")).get("result_configuration")).get("output_location")
    if location is None:
        return {}
    return {"WorkGroupConfiguration": {"ResultConfiguration": {"OutputLocation": convert(location)}}}


def _route(body: dict[str, Any], convert: Convert) -> dict[str, Any]:
    return {"DestinationCidrBlock": body.get("destination_cidr_block")}


def _flow_log(body: dict[str, Any], convert: Convert) -> dict[str, Any]:
    return {"ResourceId": convert(body["vpc_id"])} if "vpc_id" in body else {}


def _internet_gateway(body: dict[str, Any], convert: Convert) -> dict[str, Any]:
    return {"VpcId": convert(body["vpc_id"])} if "vpc_id" in body else {}


# The provider's FSx type -> (the kind CloudFormation names, the property of that kind's own configuration).
FILE_SYSTEM_KINDS = {
    "aws_fsx_windows_file_system": ("WINDOWS", "WindowsConfiguration"),
    "aws_fsx_lustre_file_system": ("LUSTRE", "LustreConfiguration"),
    "aws_fsx_ontap_file_system": ("ONTAP", "OntapConfiguration"),
    "aws_fsx_openzfs_file_system": ("OPENZFS", "OpenZFSConfiguration"),
}


def _file_system(tf_type: str) -> Shape:
    """An FSx file system's kind, and its deployment type and throughput under its kind's configuration."""
    kind, configuration = FILE_SYSTEM_KINDS[tf_type]
    return lambda body, convert: {
        "FileSystemType": kind,
        configuration: {
            "DeploymentType": convert(body.get("deployment_type")),
            "ThroughputCapacity": convert(body.get("throughput_capacity")),
        },
    }


SHAPES: dict[str, Shape] = {
    **{tf_type: _file_system(tf_type) for tf_type in FILE_SYSTEM_KINDS},
    "aws_lb": _load_balancer,
    "aws_lb_listener": _listener,
    "aws_cloudfront_distribution": _distribution,
    "aws_security_group": _security_group,
    "aws_network_acl_rule": _acl_entry,
    "aws_dynamodb_table": _table,
    "aws_autoscaling_group": _scaling_group,
    "aws_launch_template": _launch_template,
    "aws_autoscaling_policy": _scaling_policy,
    "aws_route53_record": _record,
    "aws_glue_catalog_database": _glue_database,
    "aws_iam_role": _role,
    "aws_iam_role_policy": _role_policy,
    "aws_iam_instance_profile": _instance_profile,
    "aws_route": _route,
    "aws_backup_plan": _backup_plan,
    "aws_backup_selection": _backup_selection,
    "aws_athena_workgroup": _workgroup,
    "aws_emr_cluster": _emr_cluster,
    "aws_codepipeline": _pipeline,
    # Terraform's instance groups are task groups (the cluster's blocks are its master and core groups).
    "aws_emr_instance_group": lambda body, convert: {"InstanceRole": "TASK"},
    "aws_ecs_service": _ecs_service,
    "aws_ecs_capacity_provider": _capacity_provider,
    "aws_eks_cluster": _aliased("ResourcesVpcConfig", "vpc_config"),
    "aws_msk_cluster": _aliased("BrokerNodeGroupInfo", "broker_node_group_info"),
    "aws_lambda_function": _function,
    "aws_codebuild_project": _aliased("VpcConfig", "vpc_config"),
    "aws_sagemaker_model": _aliased("VpcConfig", "vpc_config"),
    "aws_opensearch_domain": _aliased("VPCOptions", "vpc_options"),
    "aws_batch_compute_environment": _aliased("ComputeResources", "compute_resources"),
    "aws_elastic_beanstalk_environment": _beanstalk_environment,
    "aws_internet_gateway": _internet_gateway,
    "aws_flow_log": _flow_log,
}
