"""SUS-010 (Session table without time to live): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation import validate
from archbuilder.validation.rules.sus_session_table_without_ttl import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(
        svc("dynamodb_table", "region", "sessions", partition_key="session_id", ttl_attribute="expires_at")
    ),
    bad=with_(svc("dynamodb_table", "region", "sessions", partition_key="session_id", ttl_attribute="")),
    expected=[(("sessions",), "“Sessions” holds sessions but has no TTL attribute to remove expired ones")],
)


def test_sus_session_table_without_ttl() -> None:
    check_case(RULE, CASE)


def test_tables_of_lasting_records_need_no_ttl() -> None:
    arch = with_(svc("dynamodb_table", "region", "orders", partition_key="order_id", ttl_attribute=""))()
    assert validate(arch, [RULE]).findings == []
