"""Terraform for compute and identity: roles and policies, instances, scaling groups, load balancers, Lambda."""

from __future__ import annotations

from typing import Any

from archbuilder.exporters.terraform.attributes import (
    balancer_access_logs,
    balancer_attributes,
    target_group_attributes,
)
from archbuilder.exporters.terraform.convert import Converter_
from archbuilder.exporters.terraform.hcl_writer import Block, Call, Expr
from archbuilder.exporters.terraform.kit import (
    BodyWriter,
    Props,
    arg,
    present,
    split_resource,
    tag_value,
    tags_arg,
)
from archbuilder.exporters.terraform.packages import package


def _role(conv: Converter_, logical: str, p: Props) -> Props:
    # Managed and inline policies are resources of their own (roles.py): the provider deprecates
    # `managed_policy_arns` and `inline_policy` (5.72).
    return {"assume_role_policy": conv.json_expr(p["AssumeRolePolicyDocument"])}


def _profile(conv: Converter_, logical: str, p: Props) -> Props:
    return {"role": conv.expr(p["Roles"][0])}


def _policy(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "name": p["PolicyName"],
        "role": conv.expr(p["Roles"][0]),
        "policy": conv.json_expr(p["PolicyDocument"]),
    }


def _ebs(conv: Converter_, mapping: Props) -> Block:
    ebs = mapping["Ebs"]
    return Block(
        "root_block_device",
        (),
        {"volume_size": ebs["VolumeSize"], "volume_type": ebs["VolumeType"], "encrypted": ebs["Encrypted"]},
    )


def _instance(conv: Converter_, logical: str, p: Props) -> Props:
    body: Props = {
        "ami": arg(conv, p, "ImageId"),
        "instance_type": arg(conv, p, "InstanceType"),
        "iam_instance_profile": arg(conv, p, "IamInstanceProfile"),
        "key_name": p.get("KeyName"),
        "monitoring": p.get("Monitoring"),
        "ebs_optimized": p.get("EbsOptimized"),
        "disable_api_termination": p.get("DisableApiTermination"),
        # The provider base64-encodes user_data itself.
        "user_data": p["UserData"]["Fn::Base64"] if "UserData" in p else None,
    }
    if "NetworkInterfaces" in p:
        interface = p["NetworkInterfaces"][0]
        body.update(
            subnet_id=conv.expr(interface["SubnetId"]),
            vpc_security_group_ids=conv.expr(interface["GroupSet"]),
            associate_public_ip_address=True,
        )
    else:
        body.update(
            subnet_id=arg(conv, p, "SubnetId"), vpc_security_group_ids=arg(conv, p, "SecurityGroupIds")
        )
    if "LaunchTemplate" in p:
        template = p["LaunchTemplate"]
        body["launch_template"] = Block(
            "launch_template",
            (),
            {"id": conv.expr(template["LaunchTemplateId"]), "version": conv.expr(template["Version"])},
        )
        # The template's metadata options, stated on the instance too (they are the same; scanners read both).
        data = conv.resources[template["LaunchTemplateId"]["Ref"]]["Properties"]["LaunchTemplateData"]
        if "MetadataOptions" in data:
            body["metadata_options"] = _metadata_options(data["MetadataOptions"])
    body["root_block_device"] = _ebs(conv, p["BlockDeviceMappings"][0])
    return present({**body, **tags_arg(conv, p)})


def _metadata_options(options: Props) -> Block:
    return Block("metadata_options", (), {"http_tokens": options["HttpTokens"]})


def _user_data(conv: Converter_, script: Any) -> Any:
    """The script as written, or the template text an ECS container instance's names its cluster with."""
    return conv.expr(script) if isinstance(script, dict) else script


def _launch_template(conv: Converter_, logical: str, p: Props) -> Props:
    # A scaling group's template says everything about its instances; an instance's only its metadata options.
    data = p["LaunchTemplateData"]
    ebs = data["BlockDeviceMappings"][0]["Ebs"] if "BlockDeviceMappings" in data else None
    profile = data.get("IamInstanceProfile")
    return present(
        {
            "image_id": arg(conv, data, "ImageId"),
            "instance_type": arg(conv, data, "InstanceType"),
            "key_name": data.get("KeyName"),
            "vpc_security_group_ids": arg(conv, data, "SecurityGroupIds"),
            "iam_instance_profile": Block("iam_instance_profile", (), {"arn": conv.expr(profile["Arn"])})
            if profile
            else None,
            "metadata_options": _metadata_options(data["MetadataOptions"])
            if "MetadataOptions" in data
            else None,
            # A launch template takes its user data base64-encoded (an instance's is encoded by the provider).
            "user_data": Call("base64encode", _user_data(conv, data["UserData"]["Fn::Base64"]))
            if "UserData" in data
            else None,
            "block_device_mappings": Block(
                "block_device_mappings",
                (),
                {
                    "device_name": "/dev/xvda",
                    "ebs": Block(
                        "ebs",
                        (),
                        {
                            "volume_size": ebs["VolumeSize"],
                            "volume_type": ebs["VolumeType"],
                            "encrypted": ebs["Encrypted"],
                        },
                    ),
                },
            )
            if ebs
            else None,
        }
    )


def _asg(conv: Converter_, logical: str, p: Props) -> Props:
    template = p["LaunchTemplate"]
    return present(
        {
            "min_size": int(p["MinSize"]),
            "max_size": int(p["MaxSize"]),
            # An ECS capacity provider sets its group's desired capacity, which the group then leaves out.
            "desired_capacity": int(p["DesiredCapacity"]) if "DesiredCapacity" in p else None,
            "vpc_zone_identifier": conv.expr(p["VPCZoneIdentifier"]),
            "target_group_arns": arg(conv, p, "TargetGroupARNs"),
            "load_balancers": arg(conv, p, "LoadBalancerNames"),
            "health_check_type": p.get("HealthCheckType"),
            "health_check_grace_period": p.get("HealthCheckGracePeriod"),
            "default_cooldown": int(p["Cooldown"]) if "Cooldown" in p else None,
            "protect_from_scale_in": p.get("NewInstancesProtectedFromScaleIn"),
            # Provider default_tags do not reach the instances a group launches; these tags do.
            "tag": [
                Block(
                    "tag",
                    (),
                    {
                        "key": t["Key"],
                        "value": tag_value(conv, t),
                        "propagate_at_launch": t.get("PropagateAtLaunch", False),
                    },
                )
                for t in p.get("Tags", [])
            ]
            or None,
            "launch_template": Block(
                "launch_template",
                (),
                {"id": conv.expr(template["LaunchTemplateId"]), "version": conv.expr(template["Version"])},
            ),
        }
    )


def _scaling_policy(conv: Converter_, logical: str, p: Props) -> Props:
    tracking = p["TargetTrackingConfiguration"]
    metric = tracking["PredefinedMetricSpecification"]["PredefinedMetricType"]
    return {
        "name": Expr(f'"${{var.name}}-{conv.names[logical][1]}"'),
        "autoscaling_group_name": conv.expr(p["AutoScalingGroupName"]),
        "policy_type": p["PolicyType"],
        "target_tracking_configuration": Block(
            "target_tracking_configuration",
            (),
            {
                "target_value": tracking["TargetValue"],
                "predefined_metric_specification": Block(
                    "predefined_metric_specification", (), {"predefined_metric_type": metric}
                ),
            },
        ),
    }


def _flow_log(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "vpc_id": conv.expr(p["ResourceId"]),
        "traffic_type": p["TrafficType"],
        "log_destination_type": p["LogDestinationType"],
        "log_destination": Expr(f"{conv.address(p['LogGroupName']['Ref'])}.arn"),
        "iam_role_arn": conv.expr(p["DeliverLogsPermissionArn"]),
        **tags_arg(conv, p),
    }


def _lb(conv: Converter_, logical: str, p: Props) -> Props:
    return present(
        {
            "load_balancer_type": p["Type"],
            "internal": p["Scheme"] == "internal",
            "subnets": conv.expr(p["Subnets"]),
            "security_groups": arg(conv, p, "SecurityGroups"),
            "drop_invalid_header_fields": True
            if {"Key": "routing.http.drop_invalid_header_fields.enabled", "Value": "true"}
            in p.get("LoadBalancerAttributes", [])
            else None,
            **balancer_attributes(p.get("LoadBalancerAttributes", [])),
            **balancer_access_logs(conv.expr, p.get("LoadBalancerAttributes", [])),
            **tags_arg(conv, p),
        }
    )


def _target_group(conv: Converter_, logical: str, p: Props) -> Props:
    body = present(
        {
            "vpc_id": arg(conv, p, "VpcId"),
            "port": p["Port"],
            "protocol": p["Protocol"],
            "target_type": p.get("TargetType", "instance"),
        }
    )
    if "HealthCheckPath" in p:
        body["health_check"] = Block("health_check", (), {"path": p["HealthCheckPath"]})
    body.update(target_group_attributes(p.get("TargetGroupAttributes", [])))
    return body


def extra_target_attachments(conv: Converter_, logical: str, p: Props) -> list[Block]:
    return [
        split_resource(
            conv,
            logical,
            "aws_lb_target_group_attachment",
            {"target_group_arn": Expr(f"{conv.address(logical)}.arn"), "target_id": conv.expr(target["Id"])},
            suffix=f"_{index}",
        )
        for index, target in enumerate(p.get("Targets", []))
    ]


def _listener(conv: Converter_, logical: str, p: Props) -> Props:
    certificates = p.get("Certificates") or []
    attributes = {a["Key"]: a["Value"] for a in p.get("ListenerAttributes", [])}
    idle = attributes.get("tcp.idle_timeout.seconds")
    return present(
        {
            "load_balancer_arn": arg(conv, p, "LoadBalancerArn"),
            "port": p["Port"],
            "protocol": p["Protocol"],
            "certificate_arn": conv.expr(certificates[0]["CertificateArn"]) if certificates else None,
            "ssl_policy": "ELBSecurityPolicy-TLS13-1-2-2021-06" if certificates else None,
            "tcp_idle_timeout_seconds": int(idle) if idle is not None else None,
            "default_action": _listener_action(conv, p["DefaultActions"][0]),
        }
    )


def _listener_action(conv: Converter_, action: Props) -> Block:
    if action["Type"] == "redirect":
        config = action["RedirectConfig"]
        redirect = {
            "port": config["Port"],
            "protocol": config["Protocol"],
            "status_code": config["StatusCode"],
        }
        return Block("default_action", (), {"type": "redirect", "redirect": Block("redirect", (), redirect)})
    return Block(
        "default_action", (), {"type": "forward", "target_group_arn": conv.expr(action["TargetGroupArn"])}
    )


def _function(conv: Converter_, logical: str, p: Props) -> Props:
    _tf, name = conv.names[logical]
    body: Props = {
        "function_name": Expr(f'"${{var.name}}-{name}"'),
        "role": conv.expr(p["Role"]),
        "runtime": p["Runtime"],
        "handler": p["Handler"],
        "memory_size": p["MemorySize"],
        "timeout": p["Timeout"],
        **_function_package(conv, logical, p),
    }
    if "ReservedConcurrentExecutions" in p:
        body["reserved_concurrent_executions"] = p["ReservedConcurrentExecutions"]
    if "DeadLetterConfig" in p:  # a production default (production.py)
        body["dead_letter_config"] = Block(
            "dead_letter_config", (), {"target_arn": conv.expr(p["DeadLetterConfig"]["TargetArn"])}
        )
    variables = p.get("Environment", {}).get("Variables")
    if variables:
        body["environment"] = Block("environment", (), {"variables": conv.expr(variables)})
    if "VpcConfig" in p:
        body["vpc_config"] = Block(
            "vpc_config",
            (),
            {
                "subnet_ids": conv.expr(p["VpcConfig"]["SubnetIds"]),
                "security_group_ids": conv.expr(p["VpcConfig"]["SecurityGroupIds"]),
            },
        )
    for mounted in p.get("FileSystemConfigs") or []:  # an EFS mount (cloudformation/file_mounts.py)
        body["file_system_config"] = Block(
            "file_system_config",
            (),
            {"arn": conv.expr(mounted["Arn"]), "local_mount_path": mounted["LocalMountPath"]},
        )
    if "TracingConfig" in p:
        body["tracing_config"] = Block("tracing_config", (), {"mode": p["TracingConfig"]["Mode"]})
    if "LoggingConfig" in p:
        logging = p["LoggingConfig"]
        body["logging_config"] = Block(
            "logging_config",
            (),
            {"log_format": logging["LogFormat"], "log_group": conv.expr(logging["LogGroup"])},
        )
    return {**body, **tags_arg(conv, p)}


def _function_package(conv: Converter_, logical: str, p: Props) -> Props:
    """The zip of the inline code written beside the .tf files (packages.py), or the package in S3."""
    code = p["Code"]
    if "ZipFile" not in code:
        return {"s3_bucket": conv.expr(code["S3Bucket"]), "s3_key": conv.expr(code["S3Key"])}
    written = package(str(p.get("Runtime", "")), str(code["ZipFile"]))
    if written is None:  # a runtime that takes no inline code: its package is the function's own to provide
        name = f"{conv.names[logical][1]}.zip"
    else:
        name, content = written
        conv.packages[name] = content
    path = f'"${{path.module}}/{name}"'
    return {"filename": Expr(path), "source_code_hash": Expr(f"filebase64sha256({path})")}


def _mapping(conv: Converter_, logical: str, p: Props) -> Props:
    return present(
        {
            "event_source_arn": conv.expr(p["EventSourceArn"]),
            "function_name": conv.expr(p["FunctionName"]),
            "starting_position": p.get("StartingPosition"),
        }
    )


def _permission(conv: Converter_, logical: str, p: Props) -> Props:
    return present(
        {
            "function_name": conv.expr(p["FunctionName"]),
            "action": p["Action"],
            "principal": p["Principal"],
            "source_arn": conv.expr(p["SourceArn"]),
            "source_account": arg(conv, p, "SourceAccount"),
        }
    )


# The CloudFormation types whose Terraform resource this module writes (the body of its arguments).
BODY_WRITERS: dict[str, BodyWriter] = {
    "AWS::IAM::Role": _role,
    "AWS::IAM::InstanceProfile": _profile,
    "AWS::IAM::Policy": _policy,
    "AWS::EC2::Instance": _instance,
    "AWS::EC2::LaunchTemplate": _launch_template,
    "AWS::AutoScaling::AutoScalingGroup": _asg,
    "AWS::AutoScaling::ScalingPolicy": _scaling_policy,
    "AWS::EC2::FlowLog": _flow_log,
    "AWS::ElasticLoadBalancingV2::LoadBalancer": _lb,
    "AWS::ElasticLoadBalancingV2::TargetGroup": _target_group,
    "AWS::ElasticLoadBalancingV2::Listener": _listener,
    "AWS::Lambda::Function": _function,
    "AWS::Lambda::EventSourceMapping": _mapping,
    "AWS::Lambda::Permission": _permission,
}
