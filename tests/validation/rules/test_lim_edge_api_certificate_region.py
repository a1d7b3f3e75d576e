"""LIM-042 (Edge-optimized API certificate outside us-east-1): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.model import Architecture, RegionNode
from archbuilder.validation.rules.lim_edge_api_certificate_region import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _europe(arch: Architecture) -> None:
    arch.add_node(RegionNode(id="europe", label="Europe", region="eu-west-1"))


def _certificate_in(region: str) -> Build:
    return with_(
        _europe,
        svc("api_gateway_rest", "europe", "api", endpoint_type="EDGE"),
        svc("api_gateway_rest", "europe", "regional-api", endpoint_type="REGIONAL"),
        svc("acm_certificate", region, "cert"),
        svc("acm_certificate", "europe", "regional-cert"),
        connect("cert", "api", ConnectionKind.ATTACH),
        connect("regional-cert", "regional-api", ConnectionKind.ATTACH),
    )


CASE = Case(
    ok=_certificate_in("region"),
    bad=_certificate_in("europe"),
    expected=[
        (
            ("api", "cert"),
            "“Api” is edge-optimized (served through CloudFront) but uses certificate “Cert” from eu-west-1; it must "
            "be in us-east-1",
        )
    ],
)


def test_lim_edge_api_certificate_region() -> None:
    check_case(RULE, CASE)
