"""LIM-075 (Alternate domain names without a certificate): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.lim_aliases_without_certificate import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _cdn(certificate: bool) -> Build:
    return with_(
        svc("cloudfront_distribution", None, "cdn", aliases=["www.example.com"]),
        svc("acm_certificate", "region", "cert"),
        *([connect("cert", "cdn", ConnectionKind.ATTACH)] if certificate else []),
    )


CASE = Case(
    ok=_cdn(True),
    bad=_cdn(False),
    expected=[(("cdn",), "“Cdn” serves www.example.com without a certificate for them")],
)


def test_lim_aliases_without_certificate() -> None:
    check_case(RULE, CASE)
