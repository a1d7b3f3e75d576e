"""PERF-012 (Redshift serving application requests): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.perf_redshift_serving_requests import RULE
from tests.validation.builders import Case, both, check_case, connect, svc, with_

# The warehouse is queried by the app servers and loaded by an ETL job; only the front door differs.
_BASE = both(
    svc("alb", "public-a", "lb", ["public-b"]),
    svc("autoscaling_group", "private-a", "app", ["private-b"]),
    svc("redshift_cluster", "private-a", "warehouse", ["private-b"]),
    svc("glue_job", "region", "etl"),
    connect("app", "warehouse", ConnectionKind.TRAFFIC, 5439),
    connect("etl", "warehouse", ConnectionKind.WRITE),
)

CASE = Case(
    ok=with_(_BASE),
    bad=with_(_BASE, connect("lb", "app", ConnectionKind.TRAFFIC, 80)),
    expected=[
        (
            ("warehouse", "app"),
            "“Warehouse” is queried by “App”, which answers user requests: Redshift is an analytics warehouse, "
            "not a transactional database",
        )
    ],
)


def test_perf_redshift_serving_requests() -> None:
    check_case(RULE, CASE)
