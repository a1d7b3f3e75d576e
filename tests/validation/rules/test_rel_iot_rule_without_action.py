"""REL-070 (IoT rule without an action): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.rel_iot_rule_without_action import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _telemetry(action: bool) -> Build:
    return with_(
        svc("iot_core", "region", "telemetry"),
        svc("kinesis_stream", "region", "readings"),
        *([connect("telemetry", "readings", ConnectionKind.WRITE)] if action else []),
    )


CASE = Case(
    ok=_telemetry(action=True),
    bad=_telemetry(action=False),
    expected=[(("telemetry",), "“Telemetry” selects device messages but sends them to no action")],
)


def test_rel_iot_rule_without_action() -> None:
    check_case(RULE, CASE)
