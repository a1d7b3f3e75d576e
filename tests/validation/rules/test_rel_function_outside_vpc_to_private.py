"""REL-025 (Function outside the VPC calls a private resource): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.rel_function_outside_vpc_to_private import RULE
from tests.validation.builders import Build, Case, check_case, connect, db, svc, with_


def _function_in(parent: str, extra: list[str] | None = None) -> Build:
    return with_(
        svc("lambda_function", parent, "fn", extra),
        db("private-a", ["private-b"]),
        connect("fn", "db", ConnectionKind.TRAFFIC, 5432),
    )


CASE = Case(
    ok=_function_in("private-a", ["private-b"]),
    bad=_function_in("region"),
    expected=[(("fn", "db"), "“Fn” runs outside any VPC and cannot reach “DB” in private subnets")],
)


def test_rel_function_outside_vpc_to_private() -> None:
    check_case(RULE, CASE)
