"""CloudFormation for account security services: GuardDuty detectors, Shield Advanced protections of what Shield is
attached to, AWS Config recording into a bucket of its own, CloudHSM clusters opened to their clients, and what
CloudFormation cannot declare (enabling Inspector, the Shield subscription, the HSMs of a cluster), named as steps."""

from __future__ import annotations

from typing import Any

from archbuilder.catalog import ConnectionKind
from archbuilder.exporters.cloudformation.context import CfnContext, get_att, ref, sub
from archbuilder.exporters.cloudformation.group_rules import declared_cidr_rules
from archbuilder.exporters.cloudformation.kit import (
    Renderer,
    assumable_role,
    by_hand,
    managed_policy,
    private_bucket_properties,
    prop,
    targets_of,
)
from archbuilder.model import ServiceNode

# How to name the ARN Shield Advanced protects, by the protected service's type (its logical id stands in `{}`).
PROTECTED_ARNS: dict[str, Any] = {
    "alb": lambda logical: ref(logical),
    "nlb": lambda logical: ref(logical),
    "global_accelerator": lambda logical: ref(logical),
    "clb": lambda logical: sub(
        f"arn:${{AWS::Partition}}:elasticloadbalancing:${{AWS::Region}}:${{AWS::AccountId}}:loadbalancer/${{{logical}}}"
    ),
    "cloudfront_distribution": lambda logical: sub(
        f"arn:${{AWS::Partition}}:cloudfront::${{AWS::AccountId}}:distribution/${{{logical}}}"
    ),
    "route53_zone": lambda logical: sub(f"arn:${{AWS::Partition}}:route53:::hostedzone/${{{logical}}}"),
    "elastic_ip": lambda logical: sub(
        f"arn:${{AWS::Partition}}:ec2:${{AWS::Region}}:${{AWS::AccountId}}:eip-allocation/${{{logical}.AllocationId}}"
    ),
}
# Resource types Config records when it is not to record every supported type: those a design is made of.
RECORDED_TYPES = (
    "AWS::EC2::VPC",
    "AWS::EC2::Subnet",
    "AWS::EC2::SecurityGroup",
    "AWS::EC2::Instance",
    "AWS::EC2::Volume",
    "AWS::IAM::Role",
    "AWS::IAM::Policy",
    "AWS::S3::Bucket",
    "AWS::RDS::DBInstance",
    "AWS::RDS::DBCluster",
    "AWS::DynamoDB::Table",
    "AWS::Lambda::Function",
    "AWS::ElasticLoadBalancingV2::LoadBalancer",
    "AWS::AutoScaling::AutoScalingGroup",
    "AWS::KMS::Key",
)
HSM_PORTS = (2223, 2225)


def _guardduty(ctx: CfnContext, node: ServiceNode) -> None:
    ctx.add(
        ctx.lid(node),
        "AWS::GuardDuty::Detector",
        {"Enable": True, "FindingPublishingFrequency": "FIFTEEN_MINUTES", "Tags": ctx.tags(node)},
    )


def _inspector(ctx: CfnContext, node: ServiceNode) -> None:
    by_hand(
        ctx,
        node,
        "enable Amazon Inspector for the account (aws inspector2 enable --resource-types EC2 ECR LAMBDA): "
        "CloudFormation has no resource that turns it on, and Inspector Classic's assessment targets are retired",
    )


def _shield(ctx: CfnContext, node: ServiceNode) -> None:
    by_hand(
        ctx,
        node,
        "subscribe the account to Shield Advanced before deploying (a one-year commitment): CloudFormation has no "
        "subscription resource, and the protections below need it",
    )
    # Whatever Shield is drawn to it protects (an Elastic IP takes only a dns connection).
    for target, _ in targets_of(ctx, node, *ConnectionKind):
        arn = PROTECTED_ARNS.get(target.type)
        if arn is None:
            by_hand(
                ctx,
                node,
                f"Shield Advanced protects no {target.label}: only load balancers, CloudFront, Route 53, Global Accelerator and Elastic IPs",
            )
            continue
        logical = ctx.lid(target)
        ctx.add(
            ctx.lid(node, f"{logical}Protection"),
            "AWS::Shield::Protection",
            {
                "Name": f"{node.label} {target.label}"[:128],
                "ResourceArn": arn(logical),
                "Tags": ctx.tags(node),
            },
        )


def _config_bucket(ctx: CfnContext, node: ServiceNode) -> str:
    bucket = ctx.add(
        ctx.lid(node, "Bucket"),
        "AWS::S3::Bucket",
        private_bucket_properties(),
    )
    config = {"Service": "config.amazonaws.com"}
    account = {"StringEquals": {"AWS:SourceAccount": ref("AWS::AccountId")}}
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
                        "Principal": config,
                        "Action": ["s3:GetBucketAcl", "s3:ListBucket"],
                        "Resource": get_att(bucket, "Arn"),
                        "Condition": account,
                    },
                    {
                        "Effect": "Allow",
                        "Principal": config,
                        "Action": "s3:PutObject",
                        "Resource": sub(f"${{{bucket}.Arn}}/AWSLogs/${{AWS::AccountId}}/Config/*"),
                        "Condition": {
                            "StringEquals": {
                                "s3:x-amz-acl": "bucket-owner-full-control",
                                "AWS:SourceAccount": ref("AWS::AccountId"),
                            }
                        },
                    },
                ],
            },
        },
    )


def _config(ctx: CfnContext, node: ServiceNode) -> None:
    role = assumable_role(
        ctx, ctx.lid(node, "Role"), "config.amazonaws.com", [managed_policy("service-role/AWS_ConfigRole")]
    )
    policy = _config_bucket(ctx, node)
    everything = bool(prop(node, "all_supported", True))
    group: dict[str, Any] = {"AllSupported": everything, "IncludeGlobalResourceTypes": everything}
    if not everything:

        def record_the_designs_types() -> None:
            group["ResourceTypes"] = _recorded_types(ctx)

        ctx.finishers.append(record_the_designs_types)
    recorder = ctx.add(
        ctx.lid(node),
        "AWS::Config::ConfigurationRecorder",
        {"RoleARN": get_att(role, "Arn"), "RecordingGroup": group},
    )
    # A delivery channel needs its recorder, and the bucket must let Config write before the channel checks it.
    ctx.add(
        ctx.lid(node, "DeliveryChannel"),
        "AWS::Config::DeliveryChannel",
        {"S3BucketName": ref(ctx.lid(node, "Bucket"))},
        DependsOn=[recorder, policy],
    )


def _recorded_types(ctx: CfnContext) -> list[str]:
    """The recordable types the template declares (its VPCs and groups at least)."""
    written = {body["Type"] for body in ctx.resources.values()}
    return [kind for kind in RECORDED_TYPES if kind in written] or ["AWS::EC2::SecurityGroup"]


def _cloudhsm(ctx: CfnContext, node: ServiceNode) -> None:
    cluster = ctx.add(
        ctx.lid(node),
        "AWS::CloudHSM::Cluster",
        {
            "HsmType": "hsm2m.medium",
            "SubnetIds": ctx.subnet_refs(node),
            "Tags": ctx.tags(node),
        },
        DeletionPolicy="Retain",
        UpdateReplacePolicy="Retain",
    )
    # The cluster makes its own security group; the clients' connections and the declared rules open it.
    group = get_att(cluster, "SecurityGroup")
    for connection in ctx.graph.connections_of(node.id):
        if connection.target_id != node.id or connection.kind is not ConnectionKind.TRAFFIC:
            continue
        client = ctx.architecture.service(connection.source_id)
        source = (
            {"SourceSecurityGroupId": ref(ctx.security_groups[client.id])}
            if client.id in ctx.security_groups
            else {"CidrIp": _vpc_cidr(ctx, node)}
        )
        ctx.add(
            ctx.lid(node, f"From{ctx.lid(client)}"),
            "AWS::EC2::SecurityGroupIngress",
            {
                "GroupId": group,
                "IpProtocol": "tcp",
                "FromPort": HSM_PORTS[0],
                "ToPort": HSM_PORTS[1],
                "Description": f"from {client.label}",
                **source,
            },
        )
    declared_cidr_rules(ctx, node, group)
    count = int(prop(node, "hsm_count", 2))
    by_hand(
        ctx,
        node,
        f"add {count} HSM{'s' if count != 1 else ''} to the cluster in its subnets' AZs and initialize it with a "
        "certificate signed by your issuer: CloudFormation declares the cluster only",
    )


def _vpc_cidr(ctx: CfnContext, node: ServiceNode) -> str:
    vpc = ctx.architecture.node(ctx.graph.placements[node.id].vpc_id or "")
    return str(getattr(vpc, "cidr", "10.0.0.0/8"))


# The resource types this module renders; renderers.py merges every module's table.
RENDERERS: dict[str, Renderer] = {
    "guardduty": _guardduty,
    "inspector": _inspector,
    "shield": _shield,
    "config_recorder": _config,
    "cloudhsm_cluster": _cloudhsm,
}
