"""Terraform for the edge and management: certificates, Route 53, CloudFront, CloudTrail, KMS, secrets, logs, alarms, ECR."""

from __future__ import annotations

import json

from archbuilder.exporters.terraform.certificates import certificate_provider
from archbuilder.exporters.terraform.convert import Converter_
from archbuilder.exporters.terraform.hcl_writer import Block, Expr
from archbuilder.exporters.terraform.kit import (
    BodyWriter,
    CompanionWriter,
    Props,
    arg,
    present,
    split_resource,
)


def _certificate(conv: Converter_, logical: str, p: Props) -> Props:
    return present(
        {
            **certificate_provider(conv, logical),
            "domain_name": conv.expr(p["DomainName"]),
            "subject_alternative_names": arg(conv, p, "SubjectAlternativeNames"),
            "validation_method": p["ValidationMethod"],
            "lifecycle": Block("lifecycle", (), {"create_before_destroy": True}),
        }
    )


def _zone(conv: Converter_, logical: str, p: Props) -> Props:
    body: Props = {"name": conv.expr(p["Name"])}
    if p.get("VPCs"):
        body["vpc"] = [
            Block("vpc", (), {"vpc_id": conv.expr(v["VPCId"]), "vpc_region": conv.expr(v["VPCRegion"])})
            for v in p["VPCs"]
        ]
    return body


def _record(conv: Converter_, logical: str, p: Props) -> Props:
    head = {
        "zone_id": conv.expr(p["HostedZoneId"]),
        "name": conv.expr(p["Name"]),
        "type": p["Type"],
        **_routing_policy(conv, p),
    }
    if "AliasTarget" not in p:
        # An address record (an Elastic IP's).
        return {**head, "ttl": int(p["TTL"]), "records": conv.expr(p["ResourceRecords"])}
    alias = p["AliasTarget"]
    return {
        **head,
        "alias": Block(
            "alias",
            (),
            {
                "name": conv.expr(alias["DNSName"]),
                "zone_id": conv.expr(alias["HostedZoneId"]),
                "evaluate_target_health": alias.get("EvaluateTargetHealth", False),
            },
        ),
    }


def _routing_policy(conv: Converter_, p: Props) -> Props:
    """A record's SetIdentifier and the routing block the provider writes for its Weight, Region, Failover or
    GeoLocation."""
    if "SetIdentifier" not in p:
        return {}
    if "Weight" in p:
        routing = Block("weighted_routing_policy", (), {"weight": p["Weight"]})
    elif "Region" in p:
        routing = Block("latency_routing_policy", (), {"region": conv.expr(p["Region"])})
    elif "Failover" in p:
        routing = Block("failover_routing_policy", (), {"type": p["Failover"]})
    else:
        location = p["GeoLocation"]
        routing = Block(
            "geolocation_routing_policy",
            (),
            {"continent": location["ContinentCode"]}
            if "ContinentCode" in location
            else {"country": location["CountryCode"]},
        )
    return {"set_identifier": p["SetIdentifier"], routing.type: routing}


def _oac(conv: Converter_, logical: str, p: Props) -> Props:
    config = p["OriginAccessControlConfig"]
    return {
        "name": conv.expr(config["Name"]),
        "origin_access_control_origin_type": "s3",
        "signing_behavior": "always",
        "signing_protocol": "sigv4",
    }


def _distribution(conv: Converter_, logical: str, p: Props) -> Props:
    c = p["DistributionConfig"]
    origins = [_origin(conv, origin) for origin in c["Origins"]]
    groups = [_origin_group(group) for group in (c.get("OriginGroups") or {}).get("Items", [])]
    return present(
        {
            "enabled": True,
            "default_root_object": c.get("DefaultRootObject"),
            "price_class": c["PriceClass"],
            "is_ipv6_enabled": c.get("IPV6Enabled"),
            "aliases": arg(conv, c, "Aliases"),
            "web_acl_id": arg(conv, c, "WebACLId"),
            "origin": origins,
            "origin_group": groups or None,
            "default_cache_behavior": _default_cache_behavior(conv, c["DefaultCacheBehavior"]),
            "logging_config": _logging_config(conv, c["Logging"]) if "Logging" in c else None,
            "restrictions": Block(
                "restrictions",
                (),
                {"geo_restriction": Block("geo_restriction", (), {"restriction_type": "none"})},
            ),
            "viewer_certificate": _viewer_certificate(conv, c.get("ViewerCertificate")),
        }
    )


def _origin(conv: Converter_, origin: Props) -> Block:
    """A bucket read through its origin access control, or a custom origin (a load balancer, an API) over TLS."""
    body: Props = {"origin_id": origin["Id"], "domain_name": conv.expr(origin["DomainName"])}
    if "OriginAccessControlId" in origin:
        body["origin_access_control_id"] = conv.expr(origin["OriginAccessControlId"])
    else:
        body["custom_origin_config"] = Block(
            "custom_origin_config",
            (),
            {
                "http_port": 80,
                "https_port": 443,
                "origin_protocol_policy": "https-only",
                "origin_ssl_protocols": ["TLSv1.2"],
            },
        )
    return Block("origin", (), body)


def _origin_group(group: Props) -> Block:
    return Block(
        "origin_group",
        (),
        {
            "origin_id": group["Id"],
            "failover_criteria": Block(
                "failover_criteria", (), {"status_codes": group["FailoverCriteria"]["StatusCodes"]["Items"]}
            ),
            "member": [Block("member", (), {"origin_id": m["OriginId"]}) for m in group["Members"]["Items"]],
        },
    )


def _default_cache_behavior(conv: Converter_, behaviour: Props) -> Block:
    return Block(
        "default_cache_behavior",
        (),
        present(
            {
                "target_origin_id": behaviour["TargetOriginId"],
                "viewer_protocol_policy": behaviour["ViewerProtocolPolicy"],
                "cache_policy_id": conv.expr(behaviour["CachePolicyId"]),
                "origin_request_policy_id": behaviour.get("OriginRequestPolicyId"),
                "allowed_methods": behaviour.get("AllowedMethods", ["GET", "HEAD"]),
                "cached_methods": behaviour.get("CachedMethods", ["GET", "HEAD"]),
                "compress": behaviour.get("Compress", False),
            }
        ),
    )


def _logging_config(conv: Converter_, logging: Props) -> Block:
    return Block("logging_config", (), {"bucket": conv.expr(logging["Bucket"]), "prefix": logging["Prefix"]})


def _viewer_certificate(conv: Converter_, certificate: Props | None) -> Block:
    """The attached ACM certificate, or CloudFront's own for its *.cloudfront.net name."""
    if not certificate:
        return Block("viewer_certificate", (), {"cloudfront_default_certificate": True})
    return Block(
        "viewer_certificate",
        (),
        {
            "acm_certificate_arn": conv.expr(certificate["AcmCertificateArn"]),
            "ssl_support_method": "sni-only",
            "minimum_protocol_version": certificate["MinimumProtocolVersion"],
        },
    )


def _cache_policy(conv: Converter_, logical: str, p: Props) -> Props:
    config = p["CachePolicyConfig"]
    parameters = config["ParametersInCacheKeyAndForwardedToOrigin"]
    return {
        "name": conv.expr(config["Name"]),
        "comment": config["Comment"],
        "min_ttl": config["MinTTL"],
        "default_ttl": config["DefaultTTL"],
        "max_ttl": config["MaxTTL"],
        "parameters_in_cache_key_and_forwarded_to_origin": Block(
            "parameters_in_cache_key_and_forwarded_to_origin",
            (),
            {
                "enable_accept_encoding_gzip": parameters["EnableAcceptEncodingGzip"],
                "enable_accept_encoding_brotli": parameters["EnableAcceptEncodingBrotli"],
                "headers_config": Block(
                    "headers_config", (), {"header_behavior": parameters["HeadersConfig"]["HeaderBehavior"]}
                ),
                "cookies_config": Block(
                    "cookies_config", (), {"cookie_behavior": parameters["CookiesConfig"]["CookieBehavior"]}
                ),
                "query_strings_config": Block(
                    "query_strings_config",
                    (),
                    {"query_string_behavior": parameters["QueryStringsConfig"]["QueryStringBehavior"]},
                ),
            },
        ),
    }


def _trail(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "name": Expr(f'"${{var.name}}-{conv.names[logical][1]}"'),
        "s3_bucket_name": conv.expr(p["S3BucketName"]),
        "is_multi_region_trail": p["IsMultiRegionTrail"],
        "enable_log_file_validation": p["EnableLogFileValidation"],
        "include_global_service_events": True,
        **(
            {"event_selector": [_event_selector(conv, s) for s in p["EventSelectors"]]}
            if "EventSelectors" in p
            else {}
        ),
    }


def _ecr_lifecycle(conv: Converter_, logical: str, p: Props) -> list[Block]:
    """The provider keeps a repository's lifecycle policy in a resource of its own."""
    policy = (p.get("LifecyclePolicy") or {}).get("LifecyclePolicyText")
    if not policy:
        return []
    return [
        split_resource(
            conv,
            logical,
            "aws_ecr_lifecycle_policy",
            {
                "repository": Expr(f"{conv.address(logical)}.name"),
                "policy": conv.json_expr(json.loads(policy)),
            },
        )
    ]


def _event_selector(conv: Converter_, selector: Props) -> Block:
    return Block(
        "event_selector",
        (),
        {
            "read_write_type": selector["ReadWriteType"],
            "include_management_events": selector["IncludeManagementEvents"],
            "data_resource": [
                Block("data_resource", (), {"type": d["Type"], "values": conv.expr(d["Values"])})
                for d in selector["DataResources"]
            ],
        },
    )


def _kms(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "enable_key_rotation": p["EnableKeyRotation"],
        "deletion_window_in_days": p["PendingWindowInDays"],
        "policy": conv.json_expr(p["KeyPolicy"]),
    }


def _secret(conv: Converter_, logical: str, p: Props) -> Props:
    return {"description": p["Description"]}


def _rotation(conv: Converter_, logical: str, p: Props) -> Props:
    days = p["RotationRules"]["AutomaticallyAfterDays"]
    return {
        "secret_id": conv.expr(p["SecretId"]),
        "rotation_lambda_arn": conv.expr(p["RotationLambdaARN"]),
        "rotation_rules": Block("rotation_rules", (), {"automatically_after_days": days}),
    }


def _log_group(conv: Converter_, logical: str, p: Props) -> Props:
    return present(
        {
            "name": Expr(f'"/${{var.name}}/{conv.names[logical][1]}"'),
            "retention_in_days": p.get("RetentionInDays"),
            "kms_key_id": arg(conv, p, "KmsKeyId"),
        }
    )


def _alarm(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "alarm_name": Expr(f'"${{var.name}}-{conv.names[logical][1]}"'),
        "alarm_description": p["AlarmDescription"],
        "metric_name": p["MetricName"],
        "namespace": p["Namespace"],
        "statistic": p["Statistic"],
        "period": p["Period"],
        "evaluation_periods": p["EvaluationPeriods"],
        "threshold": p["Threshold"],
        "comparison_operator": p["ComparisonOperator"],
    }


def _ecr(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "name": p["RepositoryName"],
        "image_tag_mutability": p["ImageTagMutability"],
        "image_scanning_configuration": Block(
            "image_scanning_configuration",
            (),
            {"scan_on_push": p["ImageScanningConfiguration"]["ScanOnPush"]},
        ),
        "encryption_configuration": Block(
            "encryption_configuration",
            (),
            {"encryption_type": p["EncryptionConfiguration"]["EncryptionType"]},
        ),
    }


# The CloudFormation types whose Terraform resource this module writes (the body of its arguments).
BODY_WRITERS: dict[str, BodyWriter] = {
    "AWS::CertificateManager::Certificate": _certificate,
    "AWS::Route53::HostedZone": _zone,
    "AWS::Route53::RecordSet": _record,
    "AWS::CloudFront::OriginAccessControl": _oac,
    "AWS::CloudFront::Distribution": _distribution,
    "AWS::CloudFront::CachePolicy": _cache_policy,
    "AWS::CloudTrail::Trail": _trail,
    "AWS::KMS::Key": _kms,
    "AWS::SecretsManager::Secret": _secret,
    "AWS::SecretsManager::RotationSchedule": _rotation,
    "AWS::Logs::LogGroup": _log_group,
    "AWS::CloudWatch::Alarm": _alarm,
    "AWS::ECR::Repository": _ecr,
}


# Resources the aws provider splits out of a CloudFormation resource of these types.
COMPANION_WRITERS: dict[str, list[CompanionWriter]] = {
    "AWS::ECR::Repository": [_ecr_lifecycle],
}
