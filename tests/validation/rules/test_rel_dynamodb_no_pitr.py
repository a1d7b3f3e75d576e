"""REL-011 (DynamoDB without point-in-time recovery): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_dynamodb_no_pitr import RULE
from tests.validation.builders import (
    Case,
    check_case,
    svc,
    with_,
)

CASE = Case(
    ok=with_(svc("dynamodb_table", "region", "table")),
    bad=with_(svc("dynamodb_table", "region", "table", point_in_time_recovery=False)),
    expected=[(("table",), "“Table” has point-in-time recovery turned off")],
)


def test_rel_dynamodb_no_pitr() -> None:
    check_case(RULE, CASE)
