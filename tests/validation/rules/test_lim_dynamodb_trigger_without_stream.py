"""LIM-022 (DynamoDB trigger without a stream): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.lim_dynamodb_trigger_without_stream import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _trigger(stream: str) -> Build:
    return with_(
        svc("dynamodb_table", "region", "orders", stream=stream),
        svc("lambda_function", "region", "audit"),
        connect("orders", "audit", ConnectionKind.POLL),
    )


CASE = Case(
    ok=_trigger("NEW_AND_OLD_IMAGES"),
    bad=_trigger("NONE"),
    expected=[(("orders", "audit"), "“Audit” is triggered by “Orders”, whose stream is off")],
)


def test_lim_dynamodb_trigger_without_stream() -> None:
    check_case(RULE, CASE)
