"""CloudFormation for the edge: API Gateway, ACM certificates, Route 53 zones and CloudFront."""

from __future__ import annotations

from typing import Any

from archbuilder.catalog import ConnectionKind
from archbuilder.exporters.cloudformation.context import CfnContext, get_att, ref, sub
from archbuilder.exporters.cloudformation.kit import (
    Renderer,
    api_invoke_permission,
    prop,
    sources_of,
    targets_of,
)
from archbuilder.exporters.registry import ExportError
from archbuilder.model import ServiceNode, VpcNode
from archbuilder.model.naming import snake

# AWS managed CloudFront policies, by the IDs CloudFormation and the API know them by.
CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6"
HOST_HEADER_ONLY = "bf0718e1-ba1e-49d1-88b1-f726733018ae"
# CachingOptimized's TTLs; a distribution whose default TTL differs gets a cache policy of its own.
DEFAULT_TTL, MAX_TTL = 86400, 31536000
# An origin group fails over to its secondary origin on these primary responses.
FAILOVER_STATUS_CODES = [500, 502, 503, 504]
# Route 53's continent codes; any other two-letter connection label is taken as a country code.
CONTINENTS = {"AF", "AN", "AS", "EU", "NA", "OC", "SA"}


def _rest_api(ctx: CfnContext, node: ServiceNode) -> None:
    api = ctx.add(
        ctx.lid(node),
        "AWS::ApiGateway::RestApi",
        {
            "Name": node.label,
            "EndpointConfiguration": {"Types": [str(prop(node, "endpoint_type", "REGIONAL"))]},
        },
    )
    methods = []
    functions = [t for t, _ in targets_of(ctx, node, ConnectionKind.INVOKE) if t.type == "lambda_function"]
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
                "AuthorizationType": str(prop(node, "authorization", "NONE")).replace(
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
        api_invoke_permission(ctx, node, fn, api)
    if methods:
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


def _certificate(ctx: CfnContext, node: ServiceNode) -> None:
    ctx.add(
        ctx.lid(node),
        "AWS::CertificateManager::Certificate",
        {
            "DomainName": ctx.parameter(
                f"{ctx.lid(node)}DomainName",
                "String",
                str(prop(node, "domain_name", "www.example.com")),
                f"Domain name of {node.label}",
            ),
            "ValidationMethod": str(prop(node, "validation_method", "DNS")),
            **({"SubjectAlternativeNames": names} if (names := _alias_names(ctx, node)) else {}),
        },
    )


def _distribution_certificate(ctx: CfnContext, distribution: ServiceNode) -> ServiceNode | None:
    """The ACM certificate a distribution serves its domain names with: the first one attached to it."""
    certificates = [
        ctx.architecture.service(s)
        for s in sources_of(ctx, distribution, ConnectionKind.ATTACH)
        if ctx.architecture.service(s).type == "acm_certificate"
    ]
    return certificates[0] if certificates else None


def _covers(domain: str, name: str) -> bool:
    domain, name = domain.lower(), name.lower()
    return name == domain or (domain.startswith("*.") and name.partition(".")[2] == domain[2:])


def _alias_names(ctx: CfnContext, certificate: ServiceNode) -> list[str]:
    """The alternate domain names of the distributions served with `certificate` that its domain name does not
    cover: the certificate names them too, so that CloudFront accepts the aliases."""
    domain = str(prop(certificate, "domain_name", "www.example.com"))
    names: list[str] = []
    for distribution, _kind in targets_of(ctx, certificate, ConnectionKind.ATTACH):
        served_with = _distribution_certificate(ctx, distribution)
        if (
            distribution.type != "cloudfront_distribution"
            or served_with is None
            or served_with.id != certificate.id
        ):
            continue
        for alias in (str(a) for a in prop(distribution, "aliases", [])):
            if not _covers(domain, alias) and alias not in names:
                names.append(alias)
    return names


def _zone(ctx: CfnContext, node: ServiceNode) -> None:
    domain = ctx.parameter(
        f"{ctx.lid(node)}DomainName",
        "String",
        str(prop(node, "domain_name", "example.com")),
        f"Domain of the hosted zone {node.label}",
    )
    zone_props: dict[str, Any] = {"Name": domain}
    if prop(node, "private_zone", False):
        zone_props["VPCs"] = _zone_vpcs(ctx, node)
    zone = ctx.add(ctx.lid(node), "AWS::Route53::HostedZone", zone_props)
    policy = str(prop(node, "routing_policy", "simple"))
    if policy == "multivalue":
        raise ExportError(
            f"{node.label}: multivalue answer records cannot be aliases, and the records the zone writes are "
            "aliases to CloudFront and load balancers; choose weighted or failover routing"
        )
    records: list[dict[str, Any]] = []
    for connection in ctx.graph.connections_of(node.id):
        if connection.source_id != node.id or connection.kind is not ConnectionKind.DNS:
            continue
        target = ctx.architecture.service(connection.target_id)
        record = connection.label if "." in connection.label else None
        name = record or prop(node, "domain_name", "example.com")
        if target.type == "cloudfront_distribution":
            alias = {"DNSName": get_att(ctx.lid(target), "DomainName"), "HostedZoneId": "Z2FDTNDATAQYW2"}
        elif target.type in ("alb", "nlb"):
            alias = {
                "DNSName": get_att(ctx.lid(target), "DNSName"),
                "HostedZoneId": get_att(ctx.lid(target), "CanonicalHostedZoneID"),
            }
        else:
            continue
        record_props = {
            "HostedZoneId": ref(zone),
            "Name": name,
            "Type": "A",
            "AliasTarget": {
                **alias,
                "EvaluateTargetHealth": bool(prop(node, "evaluate_target_health", True)),
            },
        }
        if policy != "simple":
            record_props["SetIdentifier"] = ctx.lid(target)
            record_props.update(_routing(node, policy, connection.label.strip(), name, records))
        records.append(record_props)
        ctx.add(
            ctx.names.get(f"{connection.id}:record", f"{ctx.lid(target)}Record"),
            "AWS::Route53::RecordSet",
            record_props,
        )


def _routing(
    node: ServiceNode, policy: str, label: str, name: Any, earlier: list[dict[str, Any]]
) -> dict[str, Any]:
    """What a weighted, latency, failover or geolocation record says beside its SetIdentifier. Weighted records
    share the traffic equally; latency records answer for the stack's region; a failover record is PRIMARY when
    its connection is labelled primary (else when the name has none yet) and SECONDARY otherwise; a geolocation
    record answers for the continent or country its connection is labelled with (EU, DE...), else for the rest."""
    same_name = [r for r in earlier if r["Name"] == name]
    if policy == "weighted":
        return {"Weight": 1}
    if policy == "latency":
        return {"Region": ref("AWS::Region")}
    if policy == "failover":
        taken = [r["Failover"] for r in same_name]
        role = label.upper() if label.lower() in ("primary", "secondary") else None
        role = role or ("SECONDARY" if "PRIMARY" in taken else "PRIMARY")
        if role in taken:
            raise ExportError(
                f"{node.label}: failover routing answers {name} with one primary and one secondary record; "
                "label the connections primary and secondary"
            )
        return {"Failover": role}
    code = label.upper()
    location = (
        {"ContinentCode": code}
        if code in CONTINENTS
        else {"CountryCode": code}
        if len(code) == 2 and code.isalpha()
        else {"CountryCode": "*"}
    )
    if any(r["GeoLocation"] == location for r in same_name):
        raise ExportError(
            f"{node.label}: two geolocation records of {name} answer for the same place; label the connections "
            "with continent or country codes (EU, US...), leaving one unlabelled for the rest of the world"
        )
    return {"GeoLocation": location}


def _zone_vpcs(ctx: CfnContext, node: ServiceNode) -> list[dict[str, Any]]:
    """The VPCs a private zone answers in: those listed (a canvas VPC by id or name, or a vpc- id of an existing
    one), or every VPC of the design when none is listed."""
    vpcs = sorted((n for n in ctx.architecture.nodes.values() if isinstance(n, VpcNode)), key=lambda n: n.id)
    listed = [str(v) for v in prop(node, "associated_vpcs", [])]
    ids: list[Any] = []
    for name in listed:
        match = next((v for v in vpcs if name in (v.id, v.label)), None)
        ids.append(ref(ctx.lid(match)) if match is not None else name)
    if not listed:
        ids = [ref(ctx.lid(v)) for v in vpcs]
    return [{"VPCId": vpc, "VPCRegion": ref("AWS::Region")} for vpc in ids]


def _cloudfront(ctx: CfnContext, node: ServiceNode) -> None:
    origins, default_origin = [], None
    # The origins written, by id: the service behind each and the label of the connection to it.
    written: dict[str, tuple[ServiceNode, str]] = {}
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
            "ViewerProtocolPolicy": str(prop(node, "viewer_protocol_policy", "redirect-to-https")),
            "CachePolicyId": _cache_policy(ctx, node),
            **(
                {"OriginRequestPolicyId": HOST_HEADER_ONLY}
                if prop(node, "forward_host_header", False)
                else {}
            ),
            "Compress": bool(prop(node, "compress", True)),
            "AllowedMethods": methods,
            # CloudFront caches GET and HEAD, plus OPTIONS when it is allowed.
            "CachedMethods": methods[:3],
        },
    }
    if groups:
        config["OriginGroups"] = {"Quantity": len(groups), "Items": groups}
    certificate = _distribution_certificate(ctx, node)
    aliases = [str(a) for a in prop(node, "aliases", [])]
    if aliases and certificate is None:
        raise ExportError(
            f"{node.label}: the alternate domain names {', '.join(aliases)} need an ACM certificate covering "
            "them; attach one (requested in us-east-1) to the distribution"
        )
    if certificate is not None:
        # The listed names (which the certificate then names too), or the certificate's own domain.
        config["Aliases"] = aliases or [ref(f"{ctx.lid(certificate)}DomainName")]
        config["ViewerCertificate"] = {
            "AcmCertificateArn": ref(ctx.lid(certificate)),
            "SslSupportMethod": "sni-only",
            "MinimumProtocolVersion": "TLSv1.2_2021",
        }
    logs = [t for t, _ in targets_of(ctx, node, ConnectionKind.LOGS) if t.type == "s3_bucket"]
    if logs:
        config["Logging"] = {
            "Bucket": get_att(ctx.lid(logs[0]), "RegionalDomainName"),
            "Prefix": "cloudfront/",
        }
    ctx.add(ctx.lid(node), "AWS::CloudFront::Distribution", {"DistributionConfig": config})
    ctx.output(f"{ctx.lid(node)}DomainName", get_att(ctx.lid(node), "DomainName"), f"Domain of {node.label}")


def _origin_groups(
    node: ServiceNode, written: dict[str, tuple[ServiceNode, str]], methods: list[str]
) -> list[dict[str, Any]]:
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
    "acm_certificate": _certificate,
    "route53_zone": _zone,
    "cloudfront_distribution": _cloudfront,
}
