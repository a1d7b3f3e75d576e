"""SEC-004 (Data store reachable from the internet): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation import validate
from archbuilder.validation.rules.sec_data_store_exposed import RULE
from tests.validation.builders import (
    Case,
    check_case,
    connect,
    db,
    svc,
    with_,
)

CASE = Case(
    ok=with_(db("private-a", ["private-b"])),
    bad=with_(db("private-a", ["private-b"], publicly_accessible=True)),
    expected=[(("db",), "“DB” is reachable from the internet through its publicly accessible endpoint")],
)


def test_sec_data_store_exposed() -> None:
    check_case(RULE, CASE)


def test_a_data_store_behind_a_forwarding_load_balancer_is_exposed_with_the_path() -> None:
    arch = with_(
        svc("nlb", "public-a", "edge", ["public-b"], internet_facing=True),
        db("private-a", ["private-b"]),
        connect("edge", "db", ConnectionKind.TRAFFIC, 5432),
    )()
    assert [(f.node_ids, f.message) for f in validate(arch, [RULE]).findings] == [
        (("db",), "“DB” is reachable from the internet through Internet → internet gateway “IGW” → Edge → DB")
    ]
