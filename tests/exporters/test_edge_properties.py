"""CloudFront and Route 53 settings in both exports: alternate domain names with the certificate covering them,
Host header forwarding, a cache policy of the distribution's own, origin failover, and record routing policies."""

from __future__ import annotations

from typing import Any

import pytest

from archbuilder.catalog import ConnectionKind as K
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.registry import ExportError
from archbuilder.model import Architecture
from tests.exporters.tf_correspondence import check
from tests.model.builders import two_az_network

HOST_HEADER_ONLY = "bf0718e1-ba1e-49d1-88b1-f726733018ae"
CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6"


def network() -> Architecture:
    arch = two_az_network()
    arch.add_service("internet_gateway", "vpc", label="Gateway", node_id="igw")
    arch.add_service(
        "alb",
        "public-a",
        label="Web",
        node_id="web",
        extra_subnet_ids=["public-b"],
        properties={"internet_facing": True},
    )
    arch.add_service("s3_bucket", "region", label="Assets", node_id="assets")
    return arch


def distribution(
    origins: list[tuple[str, str]], certificate: str | None = None, **props: Any
) -> Architecture:
    """A distribution in front of `origins` (node id, connection label), with a certificate for `certificate`."""
    arch = network()
    arch.add_service("cloudfront_distribution", None, label="Cdn", node_id="cdn", properties=props)
    for origin, label in origins:
        arch.connect("cdn", origin, K.ORIGIN, label=label)
    if certificate is not None:
        arch.add_service(
            "acm_certificate", "region", label="Cert", node_id="cert", properties={"domain_name": certificate}
        )
        arch.connect("cert", "cdn", K.ATTACH)
    return arch


def config(arch: Architecture) -> dict[str, Any]:
    return build_template(arch)["Resources"]["Cdn"]["Properties"]["DistributionConfig"]


def test_aliases_are_served_with_the_attached_certificate_which_names_those_it_does_not_cover() -> None:
    arch = distribution(
        [("web", "")],
        certificate="*.example.com",
        aliases=["www.example.com", "example.com", "a.b.example.com"],
    )
    resources = build_template(arch)["Resources"]
    cfg = resources["Cdn"]["Properties"]["DistributionConfig"]
    assert cfg["Aliases"] == ["www.example.com", "example.com", "a.b.example.com"]
    assert cfg["ViewerCertificate"] == {
        "AcmCertificateArn": {"Ref": "Cert"},
        "SslSupportMethod": "sni-only",
        "MinimumProtocolVersion": "TLSv1.2_2021",
    }
    assert resources["Cert"]["Properties"]["SubjectAlternativeNames"] == ["example.com", "a.b.example.com"]
    terraform = check(arch)
    cdn = terraform[("aws_cloudfront_distribution", "cdn")]
    assert cdn["aliases"] == ["www.example.com", "example.com", "a.b.example.com"]
    assert cdn["viewer_certificate"] == [
        {
            "acm_certificate_arn": "${aws_acm_certificate_validation.cert.certificate_arn}",
            "ssl_support_method": "sni-only",
            "minimum_protocol_version": "TLSv1.2_2021",
        }
    ]
    assert terraform[("aws_acm_certificate", "cert")]["subject_alternative_names"] == [
        "example.com",
        "a.b.example.com",
    ]


def test_a_certificate_covering_every_alias_names_no_others() -> None:
    arch = distribution([("web", "")], certificate="www.example.com", aliases=["www.example.com"])
    resources = build_template(arch)["Resources"]
    assert "SubjectAlternativeNames" not in resources["Cert"]["Properties"]
    assert "subject_alternative_names" not in check(arch)[("aws_acm_certificate", "cert")]


def test_without_aliases_the_certificate_domain_is_the_alias() -> None:
    assert config(distribution([("web", "")], certificate="www.example.com"))["Aliases"] == [
        {"Ref": "CertDomainName"}
    ]


def test_aliases_without_a_certificate_are_refused_by_name() -> None:
    arch = distribution([("web", "")], aliases=["www.example.com"])
    with pytest.raises(
        ExportError, match=r"^Cdn: the alternate domain names www.example.com need an ACM certificate"
    ):
        build_template(arch)


def test_forwarding_the_host_header_uses_the_managed_host_header_only_policy() -> None:
    arch = distribution([("web", "")], forward_host_header=True)
    assert config(arch)["DefaultCacheBehavior"]["OriginRequestPolicyId"] == HOST_HEADER_ONLY
    behaviour = check(arch)[("aws_cloudfront_distribution", "cdn")]["default_cache_behavior"][0]
    assert behaviour["origin_request_policy_id"] == HOST_HEADER_ONLY
    assert "OriginRequestPolicyId" not in config(distribution([("web", "")]))["DefaultCacheBehavior"]


@pytest.mark.parametrize("origin", ["assets", "api"])
def test_forwarding_the_host_header_to_a_bucket_or_an_api_is_refused_by_name(origin: str) -> None:
    arch = distribution([], forward_host_header=True)
    arch.add_service("api_gateway_rest", "region", label="Api", node_id="api")
    arch.connect("cdn", origin, K.ORIGIN)
    with pytest.raises(ExportError, match=r"^Cdn: forwarding the viewer's Host header to (Assets|Api) \("):
        build_template(arch)


def test_a_default_ttl_of_its_own_takes_a_cache_policy_of_the_distributions_own() -> None:
    arch = distribution([("web", "")], default_ttl_seconds=600)
    resources = build_template(arch)["Resources"]
    assert resources["CdnCachePolicy"] == {
        "Type": "AWS::CloudFront::CachePolicy",
        "Properties": {
            "CachePolicyConfig": {
                "Name": {"Fn::Sub": "${AWS::StackName}-Cdn"},
                "Comment": "CachingOptimized with a default TTL of 600 s",
                "MinTTL": 1,
                "DefaultTTL": 600,
                "MaxTTL": 31536000,
                "ParametersInCacheKeyAndForwardedToOrigin": {
                    "EnableAcceptEncodingGzip": True,
                    "EnableAcceptEncodingBrotli": True,
                    "HeadersConfig": {"HeaderBehavior": "none"},
                    "CookiesConfig": {"CookieBehavior": "none"},
                    "QueryStringsConfig": {"QueryStringBehavior": "none"},
                },
            }
        },
    }
    cfg = resources["Cdn"]["Properties"]["DistributionConfig"]
    assert cfg["DefaultCacheBehavior"]["CachePolicyId"] == {"Ref": "CdnCachePolicy"}
    terraform = check(arch)
    assert terraform[("aws_cloudfront_cache_policy", "cdn_cache_policy")] == {
        "name": "${var.name}-Cdn",
        "comment": "CachingOptimized with a default TTL of 600 s",
        "min_ttl": 1,
        "default_ttl": 600,
        "max_ttl": 31536000,
        "parameters_in_cache_key_and_forwarded_to_origin": [
            {
                "enable_accept_encoding_gzip": True,
                "enable_accept_encoding_brotli": True,
                "headers_config": [{"header_behavior": "none"}],
                "cookies_config": [{"cookie_behavior": "none"}],
                "query_strings_config": [{"query_string_behavior": "none"}],
            }
        ],
    }
    behaviour = terraform[("aws_cloudfront_distribution", "cdn")]["default_cache_behavior"][0]
    assert behaviour["cache_policy_id"] == "${aws_cloudfront_cache_policy.cdn_cache_policy.id}"


def test_the_default_ttl_keeps_the_managed_caching_optimized_policy() -> None:
    resources = build_template(distribution([("web", "")], default_ttl_seconds=86400))["Resources"]
    assert "CdnCachePolicy" not in resources
    assert resources["Cdn"]["Properties"]["DistributionConfig"]["DefaultCacheBehavior"]["CachePolicyId"] == (
        CACHING_OPTIMIZED
    )


def test_a_ttl_of_zero_lowers_the_minimum_with_it() -> None:
    policy = build_template(distribution([("web", "")], default_ttl_seconds=0))["Resources"]["CdnCachePolicy"]
    assert policy["Properties"]["CachePolicyConfig"]["MinTTL"] == 0


def test_origin_failover_groups_the_primary_and_secondary_origins() -> None:
    arch = distribution([("assets", "secondary"), ("web", "primary")], origin_failover=True)
    cfg = config(arch)
    assert cfg["OriginGroups"] == {
        "Quantity": 1,
        "Items": [
            {
                "Id": "WebFailover",
                "FailoverCriteria": {"StatusCodes": {"Quantity": 4, "Items": [500, 502, 503, 504]}},
                "Members": {"Quantity": 2, "Items": [{"OriginId": "Web"}, {"OriginId": "Assets"}]},
            }
        ],
    }
    assert cfg["DefaultCacheBehavior"]["TargetOriginId"] == "WebFailover"
    cdn = check(arch)[("aws_cloudfront_distribution", "cdn")]
    assert cdn["origin_group"] == [
        {
            "origin_id": "WebFailover",
            "failover_criteria": [{"status_codes": [500, 502, 503, 504]}],
            "member": [{"origin_id": "Web"}, {"origin_id": "Assets"}],
        }
    ]
    assert cdn["default_cache_behavior"][0]["target_origin_id"] == "WebFailover"


def test_unlabelled_origins_fail_over_in_the_order_drawn() -> None:
    cfg = config(distribution([("assets", ""), ("web", "")], origin_failover=True))
    assert cfg["OriginGroups"]["Items"][0]["Members"]["Items"] == [
        {"OriginId": "Assets"},
        {"OriginId": "Web"},
    ]


def test_origin_failover_with_one_origin_is_refused_by_name() -> None:
    with pytest.raises(ExportError, match=r"^Cdn: origin failover needs two origins"):
        build_template(distribution([("web", "")], origin_failover=True))


def test_origin_failover_with_uploads_allowed_is_refused_by_name() -> None:
    arch = distribution(
        [("web", ""), ("assets", "")],
        origin_failover=True,
        allowed_methods="GET,HEAD,OPTIONS,PUT,POST,PATCH,DELETE",
    )
    with pytest.raises(ExportError, match=r"^Cdn: an origin group serves GET, HEAD and OPTIONS only"):
        build_template(arch)


def zone(policy: str, targets: list[tuple[str, str]]) -> Architecture:
    """Records of the zone's apex, example.com, to the load balancer and to a distribution that answers to it."""
    arch = network()
    arch.add_service("cloudfront_distribution", None, label="Cdn", node_id="cdn")
    arch.connect("cdn", "assets", K.ORIGIN)
    arch.add_service(
        "acm_certificate", "region", label="Cert", node_id="cert", properties={"domain_name": "example.com"}
    )
    arch.connect("cert", "cdn", K.ATTACH)
    arch.add_service(
        "route53_zone", None, label="Zone", node_id="zone", properties={"routing_policy": policy}
    )
    for target, label in targets:
        arch.connect("zone", target, K.DNS, label=label)
    return arch


def routing(arch: Architecture) -> dict[str, dict[str, Any]]:
    """Each record's routing settings in CloudFormation, by logical id."""
    keys = ("SetIdentifier", "Weight", "Region", "Failover", "GeoLocation", "MultiValueAnswer")
    return {
        name: {k: v for k, v in body["Properties"].items() if k in keys}
        for name, body in build_template(arch)["Resources"].items()
        if body["Type"] == "AWS::Route53::RecordSet"
    }


def terraform_routing(arch: Architecture) -> dict[str, dict[str, Any]]:
    """The same in Terraform, by resource name (the certificate's validation records left out)."""
    return {
        name: {k: v for k, v in body.items() if k == "set_identifier" or k.endswith("_routing_policy")}
        for (kind, name), body in check(arch).items()
        if kind == "aws_route53_record" and name != "cert_validation"
    }


def test_simple_records_carry_no_set_identifier() -> None:
    arch = zone("simple", [("web", ""), ("cdn", "")])
    assert routing(arch) == {"WebRecord": {}, "CdnRecord": {}}
    assert terraform_routing(arch) == {"web_record": {}, "cdn_record": {}}


def test_weighted_records_share_the_traffic_equally() -> None:
    arch = zone("weighted", [("web", ""), ("cdn", "")])
    assert routing(arch) == {
        "WebRecord": {"SetIdentifier": "Web", "Weight": 1},
        "CdnRecord": {"SetIdentifier": "Cdn", "Weight": 1},
    }
    assert terraform_routing(arch) == {
        "web_record": {"set_identifier": "Web", "weighted_routing_policy": [{"weight": 1}]},
        "cdn_record": {"set_identifier": "Cdn", "weighted_routing_policy": [{"weight": 1}]},
    }


def test_latency_records_answer_for_the_stacks_region() -> None:
    arch = zone("latency", [("web", "")])
    assert routing(arch) == {"WebRecord": {"SetIdentifier": "Web", "Region": {"Ref": "AWS::Region"}}}
    assert terraform_routing(arch) == {
        "web_record": {
            "set_identifier": "Web",
            "latency_routing_policy": [{"region": "${data.aws_region.current.name}"}],
        }
    }


def test_failover_records_follow_the_primary_and_secondary_labels() -> None:
    arch = zone("failover", [("cdn", "secondary"), ("web", "primary")])
    assert routing(arch) == {
        "CdnRecord": {"SetIdentifier": "Cdn", "Failover": "SECONDARY"},
        "WebRecord": {"SetIdentifier": "Web", "Failover": "PRIMARY"},
    }
    assert terraform_routing(arch) == {
        "cdn_record": {"set_identifier": "Cdn", "failover_routing_policy": [{"type": "SECONDARY"}]},
        "web_record": {"set_identifier": "Web", "failover_routing_policy": [{"type": "PRIMARY"}]},
    }


def test_two_primaries_for_one_name_are_refused_by_name() -> None:
    with pytest.raises(ExportError, match=r"^Zone: failover routing answers example.com with one primary"):
        build_template(zone("failover", [("cdn", "primary"), ("web", "primary")]))


def test_geolocation_records_answer_for_the_continent_or_country_labelled_else_the_rest() -> None:
    arch = zone("geolocation", [("cdn", ""), ("web", "eu")])
    assert routing(arch) == {
        "CdnRecord": {"SetIdentifier": "Cdn", "GeoLocation": {"CountryCode": "*"}},
        "WebRecord": {"SetIdentifier": "Web", "GeoLocation": {"ContinentCode": "EU"}},
    }
    assert terraform_routing(arch) == {
        "cdn_record": {"set_identifier": "Cdn", "geolocation_routing_policy": [{"country": "*"}]},
        "web_record": {"set_identifier": "Web", "geolocation_routing_policy": [{"continent": "EU"}]},
    }
    assert routing(zone("geolocation", [("web", "de")]))["WebRecord"]["GeoLocation"] == {"CountryCode": "DE"}


def test_two_geolocation_records_for_one_place_are_refused_by_name() -> None:
    with pytest.raises(
        ExportError, match=r"^Zone: two geolocation records of example.com answer for the same"
    ):
        build_template(zone("geolocation", [("cdn", ""), ("web", "")]))


def test_multivalue_routing_is_refused_by_name_since_the_records_are_aliases() -> None:
    with pytest.raises(ExportError, match=r"^Zone: multivalue answer records cannot be aliases"):
        build_template(zone("multivalue", [("web", "")]))
