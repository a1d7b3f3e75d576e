"""REL-062 (Event bus without rules): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.rel_event_bus_without_rules import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _bus(routed: bool) -> Build:
    return with_(
        svc("lambda_function", "region", "orders"),
        svc("eventbridge_bus", "region", "bus"),
        svc("eventbridge_rule", "region", "shipped", event_pattern='{"source": ["shop.orders"]}'),
        svc("sqs_queue", "region", "shipping"),
        connect("orders", "bus", ConnectionKind.WRITE),
        connect("shipped", "shipping", ConnectionKind.EVENT),
        *([connect("bus", "shipped", ConnectionKind.EVENT)] if routed else []),
    )


CASE = Case(
    ok=_bus(routed=True),
    bad=_bus(routed=False),
    expected=[
        (("bus",), "“Bus” receives events from “Orders” but no rule matches them, so they are dropped")
    ],
)


def test_rel_event_bus_without_rules() -> None:
    check_case(RULE, CASE)
