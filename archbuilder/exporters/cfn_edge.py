"""CloudFormation for the edge: API Gateway, ACM certificates, Route 53 zones and CloudFront."""

from __future__ import annotations

from typing import Any

from archbuilder.catalog import ConnectionKind
from archbuilder.exporters.cfn_context import CfnContext, get_att, ref, sub
from archbuilder.exporters.cfn_services import (
    _p,
    _sources,
    _targets,
    renders,
)
from archbuilder.exporters.naming import snake
from archbuilder.model import ServiceNode, VpcNode


@renders("api_gateway_rest")
def _rest_api(ctx: CfnContext, node: ServiceNode) -> None:
    api = ctx.add(
        ctx.lid(node),
        "AWS::ApiGateway::RestApi",
        {
            "Name": node.label,
            "EndpointConfiguration": {"Types": [str(_p(node, "endpoint_type", "REGIONAL"))]},
        },
    )
    methods = []
    functions = [t for t, _ in _targets(ctx, node, ConnectionKind.INVOKE) if t.type == "lambda_function"]
    for index, target in enumerate(functions):
        fn = ctx.lid(target)
        # The first function answers at the root; each further one under a path named after it
        # (one method per resource and HTTP verb).
        resource: Any = get_att(api, "RootResourceId")
        if index:
            resource = ref(
                ctx.add(
                    ctx.lid(node, f"{fn}Resource"),
                    "AWS::ApiGateway::Resource",
                    {
                        "RestApiId": ref(api),
                        "ParentId": get_att(api, "RootResourceId"),
                        "PathPart": snake(target.label).replace("_", "-"),
                    },
                )
            )
        method = ctx.add(
            ctx.lid(node, f"{fn}Method"),
            "AWS::ApiGateway::Method",
            {
                "RestApiId": ref(api),
                "ResourceId": resource,
                "HttpMethod": "ANY",
                "AuthorizationType": str(_p(node, "authorization", "NONE")).replace(
                    "COGNITO_USER_POOLS", "COGNITO_USER_POOLS"
                ),
                "Integration": {
                    "Type": "AWS_PROXY",
                    "IntegrationHttpMethod": "POST",
                    "Uri": sub(
                        f"arn:${{AWS::Partition}}:apigateway:${{AWS::Region}}:lambda:path/2015-03-31/functions/${{{fn}.Arn}}/invocations"
                    ),
                },
            },
        )
        methods.append(method)
        ctx.add(
            ctx.lid(node, f"{fn}Permission"),
            "AWS::Lambda::Permission",
            {
                "FunctionName": ref(fn),
                "Action": "lambda:InvokeFunction",
                "Principal": "apigateway.amazonaws.com",
                "SourceArn": sub(
                    f"arn:${{AWS::Partition}}:execute-api:${{AWS::Region}}:${{AWS::AccountId}}:${{{api}}}/*"
                ),
            },
        )
    if methods:
        stage = str(_p(node, "stage_name", "prod"))
        ctx.add(
            ctx.lid(node, "Deployment"),
            "AWS::ApiGateway::Deployment",
            {"RestApiId": ref(api), "StageName": stage},
            DependsOn=methods,
        )
        ctx.output(
            f"{api}Url",
            sub(f"https://${{{api}}}.execute-api.${{AWS::Region}}.amazonaws.com/{stage}"),
            f"Invoke URL of {node.label}",
        )


@renders("acm_certificate")
def _certificate(ctx: CfnContext, node: ServiceNode) -> None:
    ctx.add(
        ctx.lid(node),
        "AWS::CertificateManager::Certificate",
        {
            "DomainName": ctx.parameter(
                f"{ctx.lid(node)}DomainName",
                "String",
                str(_p(node, "domain_name", "www.example.com")),
                f"Domain name of {node.label}",
            ),
            "ValidationMethod": str(_p(node, "validation_method", "DNS")),
        },
    )


@renders("route53_zone")
def _zone(ctx: CfnContext, node: ServiceNode) -> None:
    domain = ctx.parameter(
        f"{ctx.lid(node)}DomainName",
        "String",
        str(_p(node, "domain_name", "example.com")),
        f"Domain of the hosted zone {node.label}",
    )
    zone_props: dict[str, Any] = {"Name": domain}
    if _p(node, "private_zone", False):
        zone_props["VPCs"] = _zone_vpcs(ctx, node)
    zone = ctx.add(ctx.lid(node), "AWS::Route53::HostedZone", zone_props)
    for connection in ctx.graph.connections_of(node.id):
        if connection.source_id != node.id or connection.kind is not ConnectionKind.DNS:
            continue
        target = ctx.architecture.service(connection.target_id)
        record = connection.label if "." in connection.label else None
        name = record or _p(node, "domain_name", "example.com")
        if target.type == "cloudfront_distribution":
            alias = {"DNSName": get_att(ctx.lid(target), "DomainName"), "HostedZoneId": "Z2FDTNDATAQYW2"}
        elif target.type in ("alb", "nlb"):
            alias = {
                "DNSName": get_att(ctx.lid(target), "DNSName"),
                "HostedZoneId": get_att(ctx.lid(target), "CanonicalHostedZoneID"),
            }
        else:
            continue
        ctx.add(
            ctx.names.get(f"{connection.id}:record", f"{ctx.lid(target)}Record"),
            "AWS::Route53::RecordSet",
            {
                "HostedZoneId": ref(zone),
                "Name": name,
                "Type": "A",
                "AliasTarget": {
                    **alias,
                    "EvaluateTargetHealth": bool(_p(node, "evaluate_target_health", True)),
                },
            },
        )


def _zone_vpcs(ctx: CfnContext, node: ServiceNode) -> list[dict[str, Any]]:
    """The VPCs a private zone answers in: those listed (a canvas VPC by id or name, or a vpc- id of an existing
    one), or every VPC of the design when none is listed."""
    vpcs = sorted((n for n in ctx.architecture.nodes.values() if isinstance(n, VpcNode)), key=lambda n: n.id)
    listed = [str(v) for v in _p(node, "associated_vpcs", [])]
    ids: list[Any] = []
    for name in listed:
        match = next((v for v in vpcs if name in (v.id, v.label)), None)
        ids.append(ref(ctx.lid(match)) if match is not None else name)
    if not listed:
        ids = [ref(ctx.lid(v)) for v in vpcs]
    return [{"VPCId": vpc, "VPCRegion": ref("AWS::Region")} for vpc in ids]


@renders("cloudfront_distribution")
def _cloudfront(ctx: CfnContext, node: ServiceNode) -> None:
    origins, default_origin = [], None
    for target, _kind in _targets(ctx, node, ConnectionKind.ORIGIN):
        origin_id = ctx.lid(target)
        if target.type == "s3_bucket":
            oac = ctx.add(
                ctx.lid(node, f"{origin_id}Oac"),
                "AWS::CloudFront::OriginAccessControl",
                {
                    "OriginAccessControlConfig": {
                        "Name": sub(f"${{AWS::StackName}}-{origin_id}"),
                        "OriginAccessControlOriginType": "s3",
                        "SigningBehavior": "always",
                        "SigningProtocol": "sigv4",
                    }
                },
            )
            origins.append(
                {
                    "Id": origin_id,
                    "DomainName": get_att(origin_id, "RegionalDomainName"),
                    "S3OriginConfig": {"OriginAccessIdentity": ""},
                    "OriginAccessControlId": get_att(oac, "Id"),
                }
            )
            ctx.add(
                ctx.lid(node, f"{origin_id}Policy"),
                "AWS::S3::BucketPolicy",
                {
                    "Bucket": ref(origin_id),
                    "PolicyDocument": {
                        "Version": "2012-10-17",
                        "Statement": [
                            {
                                "Effect": "Allow",
                                "Principal": {"Service": "cloudfront.amazonaws.com"},
                                "Action": "s3:GetObject",
                                "Resource": sub(f"${{{origin_id}.Arn}}/*"),
                                "Condition": {
                                    "StringEquals": {
                                        "AWS:SourceArn": sub(
                                            f"arn:${{AWS::Partition}}:cloudfront::${{AWS::AccountId}}:distribution/${{{ctx.lid(node)}}}"
                                        )
                                    }
                                },
                            }
                        ],
                    },
                },
            )
        elif target.type in ("alb", "api_gateway_rest"):
            domain = (
                get_att(origin_id, "DNSName")
                if target.type == "alb"
                else sub(f"${{{origin_id}}}.execute-api.${{AWS::Region}}.amazonaws.com")
            )
            origins.append(
                {
                    "Id": origin_id,
                    "DomainName": domain,
                    "CustomOriginConfig": {"OriginProtocolPolicy": "https-only"},
                }
            )
        default_origin = default_origin or origin_id
    methods = str(_p(node, "allowed_methods", "GET,HEAD")).split(",")
    config: dict[str, Any] = {
        "Enabled": True,
        "DefaultRootObject": str(_p(node, "default_root_object", "index.html")),
        "PriceClass": str(_p(node, "price_class", "PriceClass_100")),
        "HttpVersion": "http2",
        "IPV6Enabled": bool(_p(node, "ipv6_enabled", True)),
        "Origins": origins
        or [
            {
                "Id": "placeholder",
                "DomainName": "example.com",
                "CustomOriginConfig": {"OriginProtocolPolicy": "https-only"},
            }
        ],
        "DefaultCacheBehavior": {
            "TargetOriginId": default_origin or "placeholder",
            "ViewerProtocolPolicy": str(_p(node, "viewer_protocol_policy", "redirect-to-https")),
            "CachePolicyId": "658327ea-f89d-4fab-a63d-7e88639e58f6",  # AWS managed CachingOptimized
            "Compress": bool(_p(node, "compress", True)),
            "AllowedMethods": methods,
            # CloudFront caches GET and HEAD, plus OPTIONS when it is allowed.
            "CachedMethods": methods[:3],
        },
    }
    certificates = [
        ctx.architecture.service(s)
        for s in _sources(ctx, node, ConnectionKind.ATTACH)
        if ctx.architecture.service(s).type == "acm_certificate"
    ]
    if certificates:
        config["Aliases"] = [ref(f"{ctx.lid(certificates[0])}DomainName")]
        config["ViewerCertificate"] = {
            "AcmCertificateArn": ref(ctx.lid(certificates[0])),
            "SslSupportMethod": "sni-only",
            "MinimumProtocolVersion": "TLSv1.2_2021",
        }
    logs = [t for t, _ in _targets(ctx, node, ConnectionKind.LOGS) if t.type == "s3_bucket"]
    if logs:
        config["Logging"] = {
            "Bucket": get_att(ctx.lid(logs[0]), "RegionalDomainName"),
            "Prefix": "cloudfront/",
        }
    ctx.add(ctx.lid(node), "AWS::CloudFront::Distribution", {"DistributionConfig": config})
    ctx.output(f"{ctx.lid(node)}DomainName", get_att(ctx.lid(node), "DomainName"), f"Domain of {node.label}")
