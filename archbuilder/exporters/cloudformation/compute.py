"""CloudFormation for compute: EC2 instances, Auto Scaling groups, load balancers and Lambda functions."""

from __future__ import annotations

from typing import Any

from archbuilder.catalog import ConnectionKind
from archbuilder.exporters.cloudformation.context import CfnContext, get_att, ref, sub
from archbuilder.exporters.cloudformation.function_code import placeholder_code
from archbuilder.exporters.cloudformation.kit import (
    AMI_PARAMETER,
    Renderer,
    ami_parameter,
    instance_type_parameter,
    prop,
    service_role,
    sources_of,
    targets_of,
)
from archbuilder.exporters.cloudformation.listeners import (
    certificate_arn,
    listener_of,
    name_plain_listener,
    target_port,
)
from archbuilder.exporters.cloudformation.placeholder_server import placeholder_user_data
from archbuilder.model import ServiceNode


def _ec2(ctx: CfnContext, node: ServiceNode) -> None:
    profile = _instance_profile(ctx, node)
    props: dict[str, Any] = {
        "ImageId": _image(ctx, node),
        "InstanceType": instance_type_parameter(ctx, node, "t3.micro"),
        "IamInstanceProfile": ref(profile),
        "BlockDeviceMappings": _root_volume(node),
        "Tags": ctx.tags(node),
    }
    subnets = ctx.subnet_refs(node)
    if prop(node, "associate_public_ip"):
        props["NetworkInterfaces"] = [
            {
                "DeviceIndex": "0",
                "AssociatePublicIpAddress": True,
                "SubnetId": subnets[0],
                "GroupSet": ctx.sg_refs(node),
            }
        ]
    else:
        props["SubnetId"] = subnets[0]
        props["SecurityGroupIds"] = ctx.sg_refs(node)
    if prop(node, "key_name"):
        props["KeyName"] = prop(node, "key_name")
    if prop(node, "detailed_monitoring"):
        props["Monitoring"] = True
    if prop(node, "termination_protection", False):
        props["DisableApiTermination"] = True
    if prop(node, "user_data") or _balancers_of(ctx, node):
        props["UserData"] = {"Fn::Base64": _user_data(ctx, node)}
    if prop(node, "require_imdsv2", True):
        # An instance takes metadata options only from a launch template; without one, the AMI's default holds.
        template = ctx.add(
            ctx.lid(node, "LaunchTemplate"),
            "AWS::EC2::LaunchTemplate",
            {"LaunchTemplateData": {"MetadataOptions": {"HttpTokens": "required"}}},
        )
        props["LaunchTemplate"] = {
            "LaunchTemplateId": ref(template),
            "Version": get_att(template, "LatestVersionNumber"),
        }
    ctx.add(ctx.lid(node), "AWS::EC2::Instance", props)


def _asg(ctx: CfnContext, node: ServiceNode) -> None:
    profile = _instance_profile(ctx, node)
    template = launch_template(
        ctx,
        node,
        profile,
        image=_image(ctx, node),
        instance_type=instance_type_parameter(ctx, node, "t3.micro"),
        security_groups=ctx.sg_refs(node),
        user_data=_user_data(ctx, node),
    )
    groups = [
        ref(ctx.target_groups[s])
        for s in sources_of(ctx, node, ConnectionKind.TRAFFIC)
        if s in ctx.target_groups
    ]
    ctx.add(
        ctx.lid(node),
        "AWS::AutoScaling::AutoScalingGroup",
        {
            "MinSize": str(prop(node, "min_size", 1)),
            "MaxSize": str(prop(node, "max_size", 2)),
            "DesiredCapacity": str(prop(node, "desired_capacity", prop(node, "min_size", 1))),
            "VPCZoneIdentifier": ctx.subnet_refs(node),
            # The instances the group launches carry its name too.
            "Tags": [{**tag, "PropagateAtLaunch": True} for tag in ctx.tags(node)],
            "LaunchTemplate": {
                "LaunchTemplateId": ref(template),
                "Version": get_att(template, "LatestVersionNumber"),
            },
            **({"TargetGroupARNs": groups} if groups else {}),
            "HealthCheckType": str(prop(node, "health_check_type", "ELB")),
            "HealthCheckGracePeriod": int(prop(node, "health_check_grace_period_seconds", 300)),
            "Cooldown": str(prop(node, "cooldown_seconds", 300)),
        },
    )
    _cpu_scaling(ctx, node)


def _instance_profile(ctx: CfnContext, node: ServiceNode) -> str:
    """The instances' role (reachable through Systems Manager, with no SSH key needed) and its profile."""
    role = service_role(
        ctx,
        node,
        "ec2.amazonaws.com",
        [sub("arn:${AWS::Partition}:iam::aws:policy/AmazonSSMManagedInstanceCore")],
    )
    return ctx.add(ctx.lid(node, "InstanceProfile"), "AWS::IAM::InstanceProfile", {"Roles": [ref(role)]})


def _root_volume(node: ServiceNode, size_gb: int = 20) -> list[dict[str, Any]]:
    """The root volume; `size_gb` when the design sets none (never below the AMI's own snapshot)."""
    return [
        {
            "DeviceName": "/dev/xvda",
            "Ebs": {
                "VolumeSize": int(prop(node, "volume_size_gb", size_gb)),
                "VolumeType": str(prop(node, "volume_type", "gp3")),
                "Encrypted": bool(prop(node, "encrypted", True)),
            },
        }
    ]


def launch_template(
    ctx: CfnContext,
    node: ServiceNode,
    profile: str,
    *,
    image: Any,
    instance_type: Any,
    security_groups: list[Any],
    user_data: Any,
    root_volume_gb: int = 20,
) -> str:
    """What each instance of a group is launched with (a scaling group's, or an ECS service's container
    instances'); metadata only through IMDSv2 tokens."""
    return ctx.add(
        ctx.lid(node, "LaunchTemplate"),
        "AWS::EC2::LaunchTemplate",
        {
            "LaunchTemplateData": {
                "ImageId": image,
                "InstanceType": instance_type,
                **({"KeyName": str(prop(node, "key_name"))} if prop(node, "key_name") else {}),
                "IamInstanceProfile": {"Arn": get_att(profile, "Arn")},
                "SecurityGroupIds": security_groups,
                "MetadataOptions": {"HttpTokens": "required"},
                "UserData": {"Fn::Base64": user_data},
                "BlockDeviceMappings": _root_volume(node, root_volume_gb),
            }
        },
    )


def _cpu_scaling(ctx: CfnContext, node: ServiceNode) -> None:
    """Target tracking on the group's average CPU; a target of 0 leaves the group at its desired capacity."""
    target = int(prop(node, "target_cpu_percent", 50))
    if not target:
        return
    ctx.add(
        ctx.lid(node, "CpuScaling"),
        "AWS::AutoScaling::ScalingPolicy",
        {
            "AutoScalingGroupName": ref(ctx.lid(node)),
            "PolicyType": "TargetTrackingScaling",
            "TargetTrackingConfiguration": {
                "PredefinedMetricSpecification": {"PredefinedMetricType": "ASGAverageCPUUtilization"},
                "TargetValue": target,
            },
        },
    )


def _balancers_of(ctx: CfnContext, node: ServiceNode) -> list[ServiceNode]:
    """The load balancers whose target groups send traffic to `node`."""
    return [
        ctx.architecture.service(s)
        for s in sources_of(ctx, node, ConnectionKind.TRAFFIC)
        if s in ctx.target_groups
    ]


def _user_data(ctx: CfnContext, node: ServiceNode) -> str:
    """The design's script, else a placeholder server on the ports its load balancers send to."""
    if prop(node, "user_data"):
        return str(prop(node, "user_data"))
    balancers = _balancers_of(ctx, node)
    ports = [balancer_target_port(ctx, b) for b in balancers] or [80]
    paths = [str(prop(b, "health_check_path", "/")) for b in balancers if b.type == "alb"]
    return placeholder_user_data(ports, paths)


def prepare_load_balancer(ctx: CfnContext, node: ServiceNode) -> None:
    """Target groups exist before the groups and instances that register with them are rendered."""
    targets = targets_of(ctx, node, ConnectionKind.TRAFFIC)
    port = balancer_target_port(ctx, node)
    protocol = "TCP" if node.type == "nlb" else "HTTP"
    instances = [t for t, _ in targets if t.type == "ec2_instance"]
    ctx.target_groups[node.id] = ctx.add(
        ctx.lid(node, "TargetGroup"),
        "AWS::ElasticLoadBalancingV2::TargetGroup",
        {
            "VpcId": ctx.vpc_ref(node),
            "Port": port,
            "Protocol": protocol,
            "TargetType": "ip"
            if any(t.type in ("fargate_task", "ecs_service") for t, _ in targets)
            else "instance",
            **({"HealthCheckPath": str(prop(node, "health_check_path", "/"))} if protocol == "HTTP" else {}),
            **({"Targets": [{"Id": ref(ctx.lid(t))} for t in instances]} if instances else {}),
            **_attributes(_target_group_attributes(node)),
        },
    )


def balancer_target_port(ctx: CfnContext, node: ServiceNode) -> int:
    """The port a load balancer's target group sends to: where its (first) target listens."""
    for connection in ctx.graph.connections_of(node.id):
        if connection.source_id == node.id and connection.kind is ConnectionKind.TRAFFIC:
            port = target_port(ctx.architecture.service(connection.target_id), connection.port)
            if port:
                return port
    return 80


def _attributes(attributes: dict[str, str]) -> dict[str, Any]:
    key = "TargetGroupAttributes"
    return {key: [{"Key": k, "Value": v} for k, v in attributes.items()]} if attributes else {}


def _target_group_attributes(node: ServiceNode) -> dict[str, str]:
    """Only what differs from the target group defaults, so a design that keeps them writes nothing."""
    attributes: dict[str, str] = {}
    delay = int(prop(node, "deregistration_delay_seconds", 300))
    if delay != 300:
        attributes["deregistration_delay.timeout_seconds"] = str(delay)
    if node.type == "alb" and prop(node, "sticky_sessions", False):
        attributes["stickiness.enabled"] = "true"
        attributes["stickiness.type"] = "lb_cookie"
    return attributes


def _balancer_attributes(node: ServiceNode) -> list[dict[str, str]]:
    attributes: list[dict[str, str]] = []
    if node.type == "alb":
        # Requests with malformed headers are dropped instead of passed to the targets (request smuggling).
        attributes.append({"Key": "routing.http.drop_invalid_header_fields.enabled", "Value": "true"})
        idle = int(prop(node, "idle_timeout_seconds", 60))
        if idle != 60:
            attributes.append({"Key": "idle_timeout.timeout_seconds", "Value": str(idle)})
    if node.type == "nlb" and prop(node, "cross_zone", False):
        attributes.append({"Key": "load_balancing.cross_zone.enabled", "Value": "true"})
    if prop(node, "deletion_protection", False):
        attributes.append({"Key": "deletion_protection.enabled", "Value": "true"})
    return attributes


def _image(ctx: CfnContext, node: ServiceNode) -> Any:
    """The design's AMI: the shared latest-Amazon-Linux parameter by default, else a parameter of its own."""
    ami = str(prop(node, "ami", "") or "")
    path = ami.removeprefix("resolve:ssm:")
    if not ami or path == AMI_PARAMETER:
        return ami_parameter(ctx)
    if ami.startswith("resolve:ssm:"):
        return ctx.parameter(
            f"{ctx.lid(node)}Ami",
            "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>",
            path,
            f"AMI of {node.label} (an SSM parameter naming it)",
        )
    return ctx.parameter(f"{ctx.lid(node)}Ami", "AWS::EC2::Image::Id", ami, f"AMI of {node.label}")


def _load_balancer(ctx: CfnContext, node: ServiceNode) -> None:
    balancer = ctx.add(
        ctx.lid(node),
        "AWS::ElasticLoadBalancingV2::LoadBalancer",
        {
            "Type": "network" if node.type == "nlb" else "application",
            "Scheme": "internet-facing" if prop(node, "internet_facing") else "internal",
            "Subnets": ctx.subnet_refs(node),
            # Network Load Balancers take security groups since 2023-08-10, and only when created with them; a
            # group left unattached lets nothing through to targets that admit only it (Elastic Load Balancing
            # guide, "Security groups for your Network Load Balancer", checked 2026-12-06).
            "SecurityGroups": ctx.sg_refs(node),
            **({"LoadBalancerAttributes": attributes} if (attributes := _balancer_attributes(node)) else {}),
            "Tags": ctx.tags(node),
        },
    )
    serving = listener_of(ctx.graph, node)
    name_plain_listener(ctx, node, serving)
    listener: dict[str, Any] = {
        "LoadBalancerArn": ref(balancer),
        "DefaultActions": [{"Type": "forward", "TargetGroupArn": ref(ctx.target_groups[node.id])}],
        "Port": serving.port,
        "Protocol": serving.protocol,
    }
    if serving.secure:
        listener.update(
            Certificates=[{"CertificateArn": certificate_arn(ctx, node, serving)}],
            # The default policy still accepts TLS 1.0; the Terraform export names the same policy.
            SslPolicy="ELBSecurityPolicy-TLS13-1-2-2021-06",
        )
    idle = int(prop(node, "idle_timeout_seconds", 350))
    if node.type == "nlb" and serving.protocol == "TCP" and idle != 350:
        # Only TCP listeners take an idle timeout (TLS keeps 350 s); the default is not written.
        listener["ListenerAttributes"] = [{"Key": "tcp.idle_timeout.seconds", "Value": str(idle)}]
    ctx.add(ctx.lid(node, "Listener"), "AWS::ElasticLoadBalancingV2::Listener", listener)
    if serving.redirect_port is not None:
        # Plain HTTP only answers with a permanent redirect to the HTTPS listener; nothing is served over it.
        ctx.add(
            ctx.lid(node, "HttpRedirect"),
            "AWS::ElasticLoadBalancingV2::Listener",
            {
                "LoadBalancerArn": ref(balancer),
                "Port": serving.redirect_port,
                "Protocol": "HTTP",
                "DefaultActions": [
                    {
                        "Type": "redirect",
                        "RedirectConfig": {
                            "Protocol": "HTTPS",
                            "Port": str(serving.port),
                            "StatusCode": "HTTP_301",
                        },
                    }
                ],
            },
        )
    ctx.output(f"{balancer}DnsName", get_att(balancer, "DNSName"), f"DNS name of {node.label}")


def _lambda(ctx: CfnContext, node: ServiceNode) -> None:
    managed = [sub("arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")]
    if ctx.graph.placements[node.id].vpc_id:
        managed.append(
            sub("arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole")
        )
    role = service_role(ctx, node, "lambda.amazonaws.com", managed)
    runtime = str(prop(node, "runtime", "python3.12"))
    handler = str(prop(node, "handler", "index.handler"))
    props: dict[str, Any] = {
        "Runtime": runtime,
        "Handler": handler,
        "MemorySize": int(prop(node, "memory_mb", 128)),
        "Timeout": int(prop(node, "timeout_seconds", 3)),
        "Role": get_att(role, "Arn"),
        "Code": _function_code(ctx, node, runtime, handler),
        "Tags": ctx.tags(node),
    }
    if ctx.graph.placements[node.id].vpc_id:
        props["VpcConfig"] = {"SubnetIds": ctx.subnet_refs(node), "SecurityGroupIds": ctx.sg_refs(node)}
    if prop(node, "reserved_concurrency") is not None:
        props["ReservedConcurrentExecutions"] = int(prop(node, "reserved_concurrency"))
    ctx.environment[node.id] = {}
    props["Environment"] = {"Variables": ctx.environment[node.id]}
    ctx.add(ctx.lid(node), "AWS::Lambda::Function", props)


def _function_code(ctx: CfnContext, node: ServiceNode, runtime: str, handler: str) -> dict[str, Any]:
    """The placeholder inline, where the handler names the file inline code is written to; else the package in
    S3 that holds the file the handler names (function_code.py)."""
    code = placeholder_code(runtime, handler)
    if code is not None:
        return {"ZipFile": code}
    where = f"deployment package of {node.label} (handler {handler}, runtime {runtime})"
    return {
        "S3Bucket": ctx.parameter(f"{ctx.lid(node)}CodeBucket", "String", None, f"S3 bucket of the {where}"),
        "S3Key": ctx.parameter(f"{ctx.lid(node)}CodeKey", "String", None, f"S3 key of the {where}"),
    }


# The resource types this module renders; template.py merges every module's table.
RENDERERS: dict[str, Renderer] = {
    "ec2_instance": _ec2,
    "autoscaling_group": _asg,
    "alb": _load_balancer,
    "nlb": _load_balancer,
    "lambda_function": _lambda,
}
