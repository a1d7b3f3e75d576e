"""PERF-020 (Functions connecting straight to a relational database): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.perf_function_to_relational_database import RULE
from tests.validation.builders import Build, Case, check_case, connect, db, svc, with_


def _orders(caller: str) -> Build:
    return with_(
        db("private-a", ["private-b"]),
        svc("lambda_function", "private-a", "orders", ["private-b"]),
        svc("ec2_instance", "private-a", "app"),
        connect(caller, "db", ConnectionKind.TRAFFIC, 5432),
    )


CASE = Case(
    ok=_orders("app"),
    bad=_orders("orders"),
    expected=[
        (
            ("db", "orders"),
            "“Orders” connect to “DB” directly: each concurrent invocation opens its own connection",
        )
    ],
)


def test_perf_function_to_relational_database() -> None:
    check_case(RULE, CASE)
