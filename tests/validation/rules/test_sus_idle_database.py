"""SUS-008 (Idle database): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.sus_idle_database import RULE
from tests.validation.builders import Case, both, check_case, connect, db, svc, with_

_KEY = both(svc("kms_key", "region", "key"), connect("key", "db", ConnectionKind.ATTACH))

CASE = Case(
    ok=with_(
        db("private-a", ["private-b"]),
        _KEY,
        svc("ec2_instance", "private-a", "app"),
        connect("app", "db", ConnectionKind.TRAFFIC, 5432),
    ),
    bad=with_(db("private-a", ["private-b"]), _KEY, svc("ec2_instance", "private-a", "app")),
    expected=[(("db",), "“DB” has nothing connected that reads or writes it, yet it runs around the clock")],
)


def test_sus_idle_database() -> None:
    check_case(RULE, CASE)
