"""SEC-003 (Data store in a public subnet): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.sec_data_store_in_public_subnet import RULE
from tests.validation.builders import (
    Case,
    check_case,
    db,
    with_,
)

CASE = Case(
    ok=with_(db("private-a", ["private-b"])),
    bad=with_(db("public-a", ["public-b"])),
    expected=[(("db",), "“DB” is a data store in a public subnet")],
)


def test_sec_data_store_in_public_subnet() -> None:
    check_case(RULE, CASE)
