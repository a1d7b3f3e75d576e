"""SEC-008 (Connection not allowed by security groups): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.sec_connection_not_allowed import RULE
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
            db(
                "private-a",
                ["private-b"],
                ingress=[{"protocol": "tcp", "from_port": 5432, "to_port": 5432, "source_id": "app"}],
            ),
            connect("app", "db", ConnectionKind.TRAFFIC, 5432),
        )
    ),
    bad=with_(
        both(
            svc("ec2_instance", "private-a", "app"),
            db(
                "private-a",
                ["private-b"],
                ingress=[{"protocol": "tcp", "from_port": 3306, "to_port": 3306, "source_id": "app"}],
            ),
            connect("app", "db", ConnectionKind.TRAFFIC, 5432),
        )
    ),
    expected=[(("app", "db"), "“App” → “DB” on port 5432: no security group rule of “DB” allows it")],
)


def test_sec_connection_not_allowed() -> None:
    check_case(RULE, CASE)
