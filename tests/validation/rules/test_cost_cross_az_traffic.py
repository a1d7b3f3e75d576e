"""COST-001 (Cross-AZ traffic): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.cost_cross_az_traffic import RULE
from tests.validation.builders import (
    Case,
    both,
    check_case,
    connect,
    db,
    svc,
    with_,
)

CASE = Case(
    ok=with_(
        both(
            svc("ec2_instance", "private-a", "app"),
            db("private-a", ["private-b"]),
            connect("app", "db", ConnectionKind.TRAFFIC, 5432),
        )
    ),
    bad=with_(
        both(
            svc("ec2_instance", "private-a", "app"),
            svc("ec2_instance", "private-b", "cache"),
            connect("app", "cache", ConnectionKind.TRAFFIC, 6379),
        )
    ),
    expected=[
        (
            ("app", "cache"),
            "“App” (us-east-1a) → “Cache” (us-east-1b) crosses availability zones; that traffic is billed",
        )
    ],
)


def test_cost_cross_az_traffic() -> None:
    check_case(RULE, CASE)
