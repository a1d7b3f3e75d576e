"""REL-081 (Distribution without an origin): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.rel_distribution_without_origin import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _cdn(origin: bool) -> Build:
    return with_(
        svc("cloudfront_distribution", None, "cdn"),
        svc("s3_bucket", "region", "site"),
        *([connect("cdn", "site", ConnectionKind.ORIGIN)] if origin else []),
    )


CASE = Case(
    ok=_cdn(True), bad=_cdn(False), expected=[(("cdn",), "“Cdn” has no origin to fetch content from")]
)


def test_rel_distribution_without_origin() -> None:
    check_case(RULE, CASE)
