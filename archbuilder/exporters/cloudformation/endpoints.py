"""CloudFormation for interface endpoints, Classic Load Balancers and WAF web ACLs with their associations."""

from __future__ import annotations

from typing import Any

from archbuilder.catalog import ConnectionKind
from archbuilder.exporters.cloudformation.context import CfnContext, get_att, ref, sub
from archbuilder.exporters.cloudformation.kit import Renderer, prop, targets_of
from archbuilder.exporters.cloudformation.listeners import (
    certificate_arn,
    classic_listener,
    name_plain_listener,
)
from archbuilder.exporters.registry import ExportError
from archbuilder.model import NodeKind, ServiceNode
from archbuilder.model.naming import snake


def _interface_endpoint(ctx: CfnContext, node: ServiceNode) -> None:
    # An interface endpoint takes one subnet per AZ.
    subnets, zones = [], set()
    for subnet in ctx.subnet_nodes(node):
        zone = ctx.architecture.enclosing(subnet.id, NodeKind.AZ)
        key = zone.id if zone is not None else subnet.id
        if key not in zones:
            zones.add(key)
            subnets.append(ctx.container_ref(subnet))
    ctx.add(
        ctx.lid(node),
        "AWS::EC2::VPCEndpoint",
        {
            "VpcId": ctx.vpc_ref(node),
            "VpcEndpointType": "Interface",
            "ServiceName": sub(f"com.amazonaws.${{AWS::Region}}.{prop(node, 'service', 'secretsmanager')}"),
            "SubnetIds": subnets,
            "SecurityGroupIds": ctx.sg_refs(node),
            "PrivateDnsEnabled": bool(prop(node, "private_dns_enabled", True)),
        },
    )


def _classic_load_balancer(ctx: CfnContext, node: ServiceNode) -> None:
    serving = classic_listener(ctx.graph, node)
    name_plain_listener(ctx, node, serving)
    backend_port = next(
        (c.port for c in ctx.graph.connections_of(node.id) if c.source_id == node.id and c.port), 80
    )
    # The instance side speaks what the front speaks, minus the TLS the balancer terminates.
    instance_protocol = "TCP" if serving.protocol in ("TCP", "SSL") else "HTTP"
    listener: dict[str, Any] = {"InstancePort": str(backend_port), "InstanceProtocol": instance_protocol}
    listener.update(LoadBalancerPort=str(serving.port), Protocol=serving.protocol)
    if serving.secure:
        listener["SSLCertificateId"] = certificate_arn(ctx, node, serving)
    targets = [t for t, _ in targets_of(ctx, node, ConnectionKind.TRAFFIC)]
    props: dict[str, Any] = {
        "Subnets": ctx.subnet_refs(node),
        "SecurityGroups": ctx.sg_refs(node),
        "Listeners": [listener],
        "CrossZone": bool(prop(node, "cross_zone", True)),
        "ConnectionDrainingPolicy": {
            "Enabled": bool(prop(node, "connection_draining", True)),
            "Timeout": 300,
        },
        "ConnectionSettings": {"IdleTimeout": int(prop(node, "idle_timeout_seconds", 60))},
        "HealthCheck": {
            "Target": f"HTTP:{backend_port}/",
            "HealthyThreshold": "3",
            "UnhealthyThreshold": "5",
            "Interval": "30",
            "Timeout": "5",
        },
        "Tags": ctx.tags(node),
    }
    if not prop(node, "internet_facing", True):
        props["Scheme"] = "internal"
    if prop(node, "proxy_protocol", False) and instance_protocol == "TCP":
        # Proxy Protocol carries the client's address over a TCP back end; an HTTP back end gets it in
        # X-Forwarded-For instead, so the policy is written for TCP and SSL listeners only.
        props["Policies"] = [
            {
                "PolicyName": "EnableProxyProtocol",
                "PolicyType": "ProxyProtocolPolicyType",
                "Attributes": [{"Name": "ProxyProtocol", "Value": "true"}],
                "InstancePorts": [str(backend_port)],
            }
        ]
    instances = [ref(ctx.lid(t)) for t in targets if t.type == "ec2_instance"]
    if instances:
        props["Instances"] = instances
    balancer = ctx.add(ctx.lid(node), "AWS::ElasticLoadBalancing::LoadBalancer", props)
    for group in (t for t in targets if t.type == "autoscaling_group"):
        ctx.finishers.append(lambda group=group: _register_group(ctx, group, balancer))
    ctx.output(f"{balancer}DnsName", get_att(balancer, "DNSName"), f"DNS name of {node.label}")


def _register_group(ctx: CfnContext, group: ServiceNode, balancer: str) -> None:
    props = ctx.resources[ctx.lid(group)]["Properties"]
    props.setdefault("LoadBalancerNames", []).append(ref(balancer))
    props.update(HealthCheckType="ELB", HealthCheckGracePeriod=300)


WAF_TARGETS = {"alb", "api_gateway_rest", "cognito_user_pool", "cloudfront_distribution"}


def _web_acl(ctx: CfnContext, node: ServiceNode) -> None:
    protected = [t for t, _ in targets_of(ctx, node, ConnectionKind.ATTACH) if t.type in WAF_TARGETS]
    cloudfront = [t for t in protected if t.type == "cloudfront_distribution"]
    # A CloudFront ACL must have scope CLOUDFRONT (and live in us-east-1); regional targets need REGIONAL.
    if cloudfront and len(cloudfront) != len(protected):
        raise ExportError(
            f"{node.label}: one web ACL cannot protect both CloudFront and regional resources; draw one of each"
        )
    scope = "CLOUDFRONT" if cloudfront else str(prop(node, "scope", "REGIONAL"))
    metric = snake(node.label).replace("_", "-")[:100] or "web-acl"
    acl = ctx.add(
        ctx.lid(node),
        "AWS::WAFv2::WebACL",
        {
            "Scope": scope,
            "DefaultAction": {"Block": {}}
            if prop(node, "default_action", "allow") == "block"
            else {"Allow": {}},
            "VisibilityConfig": {
                "SampledRequestsEnabled": True,
                "CloudWatchMetricsEnabled": True,
                "MetricName": metric,
            },
            "Rules": [
                {
                    "Name": "AWSManagedRulesCommonRuleSet",
                    "Priority": 0,
                    "OverrideAction": {"None": {}},
                    "Statement": {
                        "ManagedRuleGroupStatement": {
                            "VendorName": "AWS",
                            "Name": "AWSManagedRulesCommonRuleSet",
                        }
                    },
                    "VisibilityConfig": {
                        "SampledRequestsEnabled": True,
                        "CloudWatchMetricsEnabled": True,
                        "MetricName": f"{metric}-common",
                    },
                }
            ],
        },
    )
    for target in protected:
        logical = ctx.lid(target)
        if target.type == "cloudfront_distribution":
            ctx.finishers.append(lambda logical=logical: _attach_to_distribution(ctx, logical, acl))
            continue
        if target.type == "alb":
            resource: Any = ref(logical)
        elif target.type == "cognito_user_pool":
            resource = get_att(logical, "Arn")
        else:
            stage = str(prop(target, "stage_name", "prod"))
            resource = sub(
                f"arn:${{AWS::Partition}}:apigateway:${{AWS::Region}}::/restapis/${{{logical}}}/stages/{stage}"
            )
        ctx.finishers.append(
            lambda target=target, resource=resource: _associate(ctx, node, target, resource, acl)
        )


def _associate(ctx: CfnContext, node: ServiceNode, target: ServiceNode, resource: Any, acl: str) -> None:
    depends = None
    if target.type == "api_gateway_rest":
        # The REST API's stage exists only once its deployment does (an API with no methods has neither).
        depends = ctx.lid(target, "Deployment")
        if depends not in ctx.resources:
            return
    ctx.add(
        ctx.lid(node, f"{ctx.lid(target)}Association"),
        "AWS::WAFv2::WebACLAssociation",
        {"ResourceArn": resource, "WebACLArn": get_att(acl, "Arn")},
        DependsOn=depends,
    )


def _attach_to_distribution(ctx: CfnContext, distribution: str, acl: str) -> None:
    config = ctx.resources[distribution]["Properties"]["DistributionConfig"]
    config["WebACLId"] = get_att(acl, "Arn")


# The resource types this module renders; template.py merges every module's table.
RENDERERS: dict[str, Renderer] = {
    "vpc_endpoint_interface": _interface_endpoint,
    "clb": _classic_load_balancer,
    "waf_web_acl": _web_acl,
}
