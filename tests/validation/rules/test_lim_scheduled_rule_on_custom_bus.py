"""LIM-050 (Scheduled rule on a custom event bus): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.lim_scheduled_rule_on_custom_bus import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _nightly(on_bus: bool) -> Build:
    return with_(
        svc("eventbridge_bus", "region", "bus"),
        svc("eventbridge_rule", "region", "nightly", schedule_expression="cron(0 2 * * ? *)"),
        svc("eventbridge_rule", "region", "shipped", event_pattern='{"source": ["shop"]}'),
        svc("lambda_function", "region", "report"),
        connect("bus", "shipped", ConnectionKind.EVENT),
        connect("nightly", "report", ConnectionKind.EVENT),
        *([connect("bus", "nightly", ConnectionKind.EVENT)] if on_bus else []),
    )


CASE = Case(
    ok=_nightly(on_bus=False),
    bad=_nightly(on_bus=True),
    expected=[
        (
            ("nightly", "bus"),
            "“Nightly” runs on a schedule but sits on the custom bus “Bus”; scheduled rules run only on the default "
            "event bus",
        )
    ],
)


def test_lim_scheduled_rule_on_custom_bus() -> None:
    check_case(RULE, CASE)
