"""PERF-004 (CloudFront without compression): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.perf_cloudfront_without_compression import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("cloudfront_distribution", None, "cdn", compress=True)),
    bad=with_(svc("cloudfront_distribution", None, "cdn", compress=False)),
    expected=[(("cdn",), "“Cdn” serves content uncompressed")],
)


def test_perf_cloudfront_without_compression() -> None:
    check_case(RULE, CASE)
