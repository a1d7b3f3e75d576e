"""REL-088 (Production data store without deletion protection): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_store_without_deletion_protection import RULE
from tests.validation.builders import Build, Case, check_case, db, svc, with_


def _stores(protected: bool) -> Build:
    return with_(
        db("private-a", ["private-b"], deletion_protection=protected),
        svc("dynamodb_table", "region", "orders", deletion_protection=True),
    )


CASE = Case(
    ok=_stores(True),
    bad=_stores(False),
    expected=[(("db",), "“DB” holds production data without deletion protection")],
)


def test_rel_store_without_deletion_protection() -> None:
    check_case(RULE, CASE)
