"""LIM-033 (Origin failover with a single origin): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.lim_origin_failover_single_origin import RULE
from tests.validation.builders import Case, check_case, connect, svc, with_

_DISTRIBUTION = (
    svc("cloudfront_distribution", None, "cdn", origin_failover=True),
    svc("s3_bucket", "region", "site"),
    svc("s3_bucket", "region", "replica"),
    connect("cdn", "site", ConnectionKind.ORIGIN),
)

CASE = Case(
    ok=with_(*_DISTRIBUTION, connect("cdn", "replica", ConnectionKind.ORIGIN)),
    bad=with_(*_DISTRIBUTION),
    expected=[
        (
            ("cdn", "site"),
            "“Cdn” has origin failover on but only one origin (“Site”); failover needs a primary and a secondary origin",
        )
    ],
)


def test_lim_origin_failover_single_origin() -> None:
    check_case(RULE, CASE)
