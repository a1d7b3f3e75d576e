"""CloudFormation for the edge: API Gateway and CloudFront (certificates and zones are in dns.py)."""

from __future__ import annotations

from typing import Any

from archbuilder.catalog import ConnectionKind
from archbuilder.exporters.cloudformation.api_integrations import (
    PathSegments,
    calls_not_written,
    integrated_targets,
    service_method,
)
from archbuilder.exporters.cloudformation.context import CfnContext, get_att, ref, sub
from archbuilder.exporters.cloudformation.dns import certificate_domain_expr
from archbuilder.exporters.cloudformation.domains import (
    distribution_aliases,
    distribution_certificate,
    domain_expr,
)
from archbuilder.exporters.cloudformation.kit import (
    Renderer,
    api_invoke_permission,
    prop,
    targets_of,
    written_instead,
)
from archbuilder.exporters.registry import ExportError
from archbuilder.model import ServiceNode

# AWS managed CloudFront policies, by the IDs CloudFormation and the API know them by.
CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6"
HOST_HEADER_ONLY = "bf0718e1-ba1e-49d1-88b1-f726733018ae"
# CachingOptimized's TTLs; a distribution whose default TTL differs gets a cache policy of its own.
DEFAULT_TTL, MAX_TTL = 86400, 31536000
# An origin group fails over to its secondary origin on these primary responses.
FAILOVER_STATUS_CODES = [500, 502, 503, 504]


# Methods whose callers sign in to a Cognito user pool, and the authorizer that checks their token (properties
# as AWS::ApiGateway::Authorizer and aws_api_gateway_authorizer take them: the CloudFormation resource reference
# and cfn-lint's schema, the hashicorp/aws 5.x schema through terraform validate; checked 2026-12-06).
COGNITO = "COGNITO_USER_POOLS"
REST_INTEGRATIONS = "integrations with Lambda functions, Kinesis streams, SQS queues, SNS topics and Step Functions state machines"


def _rest_api(ctx: CfnContext, node: ServiceNode) -> None:
    api = ctx.add(
        ctx.lid(node),
        "AWS::ApiGateway::RestApi",
        {
            "Name": node.label,
            "EndpointConfiguration": {"Types": [str(prop(node, "endpoint_type", "REGIONAL"))]},
        },
    )
    authorizer = _cognito_authorizer(ctx, node, api)
    authorization = (
        {"AuthorizationType": COGNITO, "AuthorizerId": ref(authorizer)}
        if authorizer is not None
        else {"AuthorizationType": str(prop(node, "authorization", "NONE"))}
    )
    functions = [t for t, _ in targets_of(ctx, node, ConnectionKind.INVOKE) if t.type == "lambda_function"]
    paths = PathSegments()
    methods = [
        _lambda_method(ctx, node, api, target, index, authorization, paths)
        for index, target in enumerate(functions)
    ]
    services = integrated_targets(ctx, node)
    methods += [
        service_method(ctx, node, api, target, action, authorization, paths.of(target.label))
        for target, action in services
    ]
    calls_not_written(ctx, node, REST_INTEGRATIONS)
    if methods:
        _deployment(ctx, node, api, methods)


def _cognito_authorizer(ctx: CfnContext, node: ServiceNode, api: str) -> str | None:
    """The user pools attached to the API sign its callers in: one authorizer checking the token of the
    Authorization header against them, which every method requires."""
    pools = [t for t, _ in targets_of(ctx, node, ConnectionKind.ATTACH) if t.type == "cognito_user_pool"]
    if not pools:
        return None
    kind = str(prop(node, "authorization", "NONE"))
    if kind == "NONE":
        why = "a Cognito user pool is attached to the API: every method requires a caller signed in to it"
        written_instead(ctx, node, "authorization", COGNITO, why)
    elif kind != COGNITO:
        raise ExportError(
            f"{node.label}: its authorization is {kind}, but a Cognito user pool is attached to it: set "
            f"authorization to {COGNITO} or detach the pool"
        )
    authorizer = ctx.lid(node, "Authorizer")
    return ctx.add(
        authorizer,
        "AWS::ApiGateway::Authorizer",
        {
            "Name": authorizer,
            "RestApiId": ref(api),
            "Type": COGNITO,
            "IdentitySource": "method.request.header.Authorization",
            "ProviderARNs": [get_att(ctx.lid(pool), "Arn") for pool in pools],
        },
    )


def _lambda_method(
    ctx: CfnContext,
    node: ServiceNode,
    api: str,
    target: ServiceNode,
    index: int,
    authorization: dict[str, Any],
    paths: PathSegments,
) -> str:
    """Any HTTP verb passed on to the function (a proxy integration), with the permission to invoke it; callers
    sign in through the API's Cognito authorizer when it has one."""
    fn = ctx.lid(target)
    resource = _method_resource(ctx, node, api, fn, target.label if index else "", paths)
    method = ctx.add(
        ctx.lid(node, f"{fn}Method"),
        "AWS::ApiGateway::Method",
        {
            "RestApiId": ref(api),
            "ResourceId": resource,
            "HttpMethod": "ANY",
            **authorization,
            "Integration": {
                "Type": "AWS_PROXY",
                "IntegrationHttpMethod": "POST",
                "Uri": sub(
                    f"arn:${{AWS::Partition}}:apigateway:${{AWS::Region}}:lambda:path/2015-03-31/functions/${{{fn}.Arn}}/invocations"
                ),
            },
        },
    )
    api_invoke_permission(ctx, node, fn, api)
    return method


def _method_resource(
    ctx: CfnContext, node: ServiceNode, api: str, fn: str, label: str, paths: PathSegments
) -> Any:
    """The first function (no `label`) answers at the root; each further one under a path named after it (one
    method per resource and HTTP verb)."""
    if not label:
        return get_att(api, "RootResourceId")
    resource = ctx.add(
        ctx.lid(node, f"{fn}Resource"),
        "AWS::ApiGateway::Resource",
        {
            "RestApiId": ref(api),
            "ParentId": get_att(api, "RootResourceId"),
            "PathPart": paths.of(label),
        },
    )
    return ref(resource)


def _deployment(ctx: CfnContext, node: ServiceNode, api: str, methods: list[str]) -> None:
    """The stage the methods are deployed to (once they all exist), and its URL as an output."""
    stage = str(prop(node, "stage_name", "prod"))
    ctx.add(
        ctx.lid(node, "Deployment"),
        "AWS::ApiGateway::Deployment",
        {"RestApiId": ref(api), "StageName": stage, **_stage_throttling(node)},
        DependsOn=methods,
    )
    ctx.output(
        f"{api}Url",
        sub(f"https://${{{api}}}.execute-api.${{AWS::Region}}.amazonaws.com/{stage}"),
        f"Invoke URL of {node.label}",
    )


def _stage_throttling(node: ServiceNode) -> dict[str, Any]:
    """The design's steady-state rate (the catalog's default is 1,000 requests/s) for every method of the stage;
    the burst stays the account's. Written at the default too: unwritten, the stage would take the account's
    10,000 requests/s, which is not what the design says."""
    rate = int(prop(node, "throttling_rate_limit", 1000))
    setting = {"ResourcePath": "/*", "HttpMethod": "*", "ThrottlingRateLimit": rate}
    return {"StageDescription": {"MethodSettings": [setting]}}


# The origin a distribution with none connected points at, so that its template still deploys.
PLACEHOLDER_ORIGIN = "placeholder"

# The origins written for a distribution, by id: the service behind each and the label of the connection to it.
WrittenOrigins = dict[str, tuple[ServiceNode, str]]


def _cloudfront(ctx: CfnContext, node: ServiceNode) -> None:
    origins, default_origin, written = _origins(ctx, node)
    methods = str(prop(node, "allowed_methods", "GET,HEAD")).split(",")
    groups = _origin_groups(node, written, methods)
    if groups:
        default_origin = groups[0]["Id"]
    if prop(node, "forward_host_header", False):
        # The default behaviour's origins (the failover group's members when there is one).
        routed = [m["OriginId"] for m in groups[0]["Members"]["Items"]] if groups else [default_origin]
        _check_host_forwarding(node, [written[o][0] for o in routed if o in written])
    config: dict[str, Any] = {
        "Enabled": True,
        "DefaultRootObject": str(prop(node, "default_root_object", "index.html")),
        "PriceClass": str(prop(node, "price_class", "PriceClass_100")),
        "HttpVersion": "http2",
        "IPV6Enabled": bool(prop(node, "ipv6_enabled", True)),
        "Origins": origins or [_custom_origin(PLACEHOLDER_ORIGIN, "example.com")],
        "DefaultCacheBehavior": _default_cache_behavior(
            ctx, node, default_origin or PLACEHOLDER_ORIGIN, methods
        ),
    }
    if groups:
        config["OriginGroups"] = {"Quantity": len(groups), "Items": groups}
    config |= _aliases_and_certificate(ctx, node)
    config |= _logging(ctx, node)
    ctx.add(ctx.lid(node), "AWS::CloudFront::Distribution", {"DistributionConfig": config})
    ctx.output(f"{ctx.lid(node)}DomainName", get_att(ctx.lid(node), "DomainName"), f"Domain of {node.label}")


def _origins(ctx: CfnContext, node: ServiceNode) -> tuple[list[dict[str, Any]], str | None, WrittenOrigins]:
    """The distribution's origins (buckets, load balancers and REST APIs it is connected to), the first of
    them, which serves by default, and the written ones by id."""
    origins: list[dict[str, Any]] = []
    default_origin: str | None = None
    written: WrittenOrigins = {}
    labels = {
        c.target_id: c.label.strip().lower()
        for c in ctx.graph.connections_of(node.id)
        if c.source_id == node.id and c.kind is ConnectionKind.ORIGIN
    }
    for target, _kind in targets_of(ctx, node, ConnectionKind.ORIGIN):
        origin_id = ctx.lid(target)
        if target.type in ("s3_bucket", "alb", "api_gateway_rest"):
            written[origin_id] = (target, labels.get(target.id, ""))
        if target.type == "s3_bucket":
            origins.append(_bucket_origin(ctx, node, origin_id))
        elif target.type == "alb":
            origins.append(_custom_origin(origin_id, get_att(origin_id, "DNSName")))
        elif target.type == "api_gateway_rest":
            domain = sub(f"${{{origin_id}}}.execute-api.${{AWS::Region}}.amazonaws.com")
            origins.append(_custom_origin(origin_id, domain))
        default_origin = default_origin or origin_id
    return origins, default_origin, written


def _custom_origin(origin_id: str, domain: Any) -> dict[str, Any]:
    return {
        "Id": origin_id,
        "DomainName": domain,
        "CustomOriginConfig": {"OriginProtocolPolicy": "https-only"},
    }


def _bucket_origin(ctx: CfnContext, node: ServiceNode, origin_id: str) -> dict[str, Any]:
    """A bucket read through an origin access control, whose policy lets only this distribution read it."""
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
    return {
        "Id": origin_id,
        "DomainName": get_att(origin_id, "RegionalDomainName"),
        "S3OriginConfig": {"OriginAccessIdentity": ""},
        "OriginAccessControlId": get_att(oac, "Id"),
    }


def _default_cache_behavior(
    ctx: CfnContext, node: ServiceNode, origin: str, methods: list[str]
) -> dict[str, Any]:
    return {
        "TargetOriginId": origin,
        "ViewerProtocolPolicy": str(prop(node, "viewer_protocol_policy", "redirect-to-https")),
        "CachePolicyId": _cache_policy(ctx, node),
        **({"OriginRequestPolicyId": HOST_HEADER_ONLY} if prop(node, "forward_host_header", False) else {}),
        "Compress": bool(prop(node, "compress", True)),
        "AllowedMethods": methods,
        # CloudFront caches GET and HEAD, plus OPTIONS when it is allowed.
        "CachedMethods": methods[:3],
    }


def _aliases_and_certificate(ctx: CfnContext, node: ServiceNode) -> dict[str, Any]:
    """The alternate domain names and the attached certificate that covers them; none without a certificate,
    and an error for names the distribution has no certificate for."""
    certificate = distribution_certificate(ctx, node)
    aliases = [str(a) for a in prop(node, "aliases", [])]
    if aliases and certificate is None:
        raise ExportError(
            f"{node.label}: the alternate domain names {', '.join(aliases)} need an ACM certificate covering "
            "them; attach one (requested in us-east-1) to the distribution"
        )
    if certificate is None:
        return {}
    if not aliases:
        why = (
            "the design lists no alternate domain name; the distribution answers to its certificate's domain"
        )
        written_instead(ctx, node, "aliases", distribution_aliases(ctx, node), why)
    return {
        # The listed names (which the certificate then names too), or the certificate's own domain; both
        # written from their zone's domain parameter where the design has the zone.
        "Aliases": [domain_expr(ctx, a) for a in aliases] or [certificate_domain_expr(ctx, certificate)],
        "ViewerCertificate": {
            "AcmCertificateArn": ref(ctx.lid(certificate)),
            "SslSupportMethod": "sni-only",
            "MinimumProtocolVersion": "TLSv1.2_2021",
        },
    }


def _logging(ctx: CfnContext, node: ServiceNode) -> dict[str, Any]:
    """Access logs into the first bucket the distribution sends its logs to, if any."""
    logs = [t for t, _ in targets_of(ctx, node, ConnectionKind.LOGS) if t.type == "s3_bucket"]
    if not logs:
        return {}
    return {"Logging": {"Bucket": get_att(ctx.lid(logs[0]), "RegionalDomainName"), "Prefix": "cloudfront/"}}


def _origin_groups(node: ServiceNode, written: WrittenOrigins, methods: list[str]) -> list[dict[str, Any]]:
    """With origin failover on, one origin group: the origin whose connection is labelled primary (else the first)
    and the one labelled secondary (else the next), failing over on the primary's 5xx answers."""
    if not prop(node, "origin_failover", False):
        return []
    if len(written) < 2:
        raise ExportError(
            f"{node.label}: origin failover needs two origins, a primary and a secondary; "
            f"connect {'a second origin' if written else 'two origins'} or turn failover off"
        )
    if set(methods) - {"GET", "HEAD", "OPTIONS"}:
        raise ExportError(
            f"{node.label}: an origin group serves GET, HEAD and OPTIONS only; allow those methods alone "
            "or turn origin failover off"
        )
    rank = {"primary": 0, "secondary": 1}
    members = sorted(written, key=lambda o: rank.get(written[o][1], 2))[:2]
    return [
        {
            "Id": f"{members[0]}Failover",
            "FailoverCriteria": {
                "StatusCodes": {"Quantity": len(FAILOVER_STATUS_CODES), "Items": FAILOVER_STATUS_CODES}
            },
            "Members": {"Quantity": 2, "Items": [{"OriginId": m} for m in members]},
        }
    ]


def _check_host_forwarding(node: ServiceNode, origins: list[ServiceNode]) -> None:
    """S3 and API Gateway answer only to their own host names: a viewer's Host header breaks every request."""
    for origin in origins:
        if origin.type in ("s3_bucket", "api_gateway_rest"):
            kind = "an S3 bucket" if origin.type == "s3_bucket" else "an API Gateway API"
            raise ExportError(
                f"{node.label}: forwarding the viewer's Host header to {origin.label} ({kind}) fails every "
                "request, since it answers only to its own host name; forward Host to load balancer origins only"
            )


def _cache_policy(ctx: CfnContext, node: ServiceNode) -> Any:
    """The managed CachingOptimized policy, or one of the distribution's own with the same settings and its
    default TTL when that differs."""
    ttl = int(prop(node, "default_ttl_seconds", DEFAULT_TTL))
    if ttl == DEFAULT_TTL:
        return CACHING_OPTIMIZED
    policy = ctx.add(
        ctx.lid(node, "CachePolicy"),
        "AWS::CloudFront::CachePolicy",
        {
            "CachePolicyConfig": {
                "Name": sub(f"${{AWS::StackName}}-{ctx.lid(node)}"),
                "Comment": f"CachingOptimized with a default TTL of {ttl} s",
                "MinTTL": min(1, ttl),
                "DefaultTTL": ttl,
                "MaxTTL": max(MAX_TTL, ttl),
                "ParametersInCacheKeyAndForwardedToOrigin": {
                    "EnableAcceptEncodingGzip": True,
                    "EnableAcceptEncodingBrotli": True,
                    "HeadersConfig": {"HeaderBehavior": "none"},
                    "CookiesConfig": {"CookieBehavior": "none"},
                    "QueryStringsConfig": {"QueryStringBehavior": "none"},
                },
            }
        },
    )
    return ref(policy)


# The resource types this module renders; template.py merges every module's table.
RENDERERS: dict[str, Renderer] = {
    "api_gateway_rest": _rest_api,
    "cloudfront_distribution": _cloudfront,
}
