"""LIM-001 (CloudFront certificate outside us-east-1): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.model import Architecture, RegionNode
from archbuilder.validation.rules.lim_cloudfront_certificate_region import RULE
from tests.validation.builders import (
    Build,
    Case,
    check_case,
)


def _cloudfront_cert(region: str) -> Build:
    def make() -> Architecture:
        arch = Architecture()
        arch.add_node(RegionNode(id="r", label="Region", region=region))
        arch.add_service("cloudfront_distribution", None, label="CDN", node_id="cdn")
        arch.add_service("acm_certificate", "r", label="Cert", node_id="cert")
        arch.connect("cert", "cdn", ConnectionKind.ATTACH)
        return arch

    return make


CASE = Case(
    ok=_cloudfront_cert("us-east-1"),
    bad=_cloudfront_cert("eu-west-1"),
    expected=[
        (
            ("cdn", "cert"),
            "“CDN” uses certificate “Cert” from eu-west-1; CloudFront needs it in us-east-1",
        )
    ],
)


def test_lim_cloudfront_certificate_region() -> None:
    check_case(RULE, CASE)
