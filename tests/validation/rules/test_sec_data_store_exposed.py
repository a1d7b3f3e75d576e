"""SEC-004 (Data store reachable from the internet): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.sec_data_store_exposed import RULE
from tests.validation.builders import (
    Case,
    check_case,
    db,
    with_,
)

CASE = Case(
    ok=with_(db("private-a", ["private-b"])),
    bad=with_(db("private-a", ["private-b"], publicly_accessible=True)),
    expected=[(("db",), "“DB” is reachable from the internet through its publicly accessible endpoint")],
)


def test_sec_data_store_exposed() -> None:
    check_case(RULE, CASE)
