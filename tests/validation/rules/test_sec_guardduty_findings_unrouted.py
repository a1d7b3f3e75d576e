"""SEC-037 (GuardDuty findings not routed): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.sec_guardduty_findings_unrouted import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _detector(routed: bool) -> Build:
    return with_(
        svc("guardduty", "region", "detector"),
        svc("eventbridge_rule", "region", "findings", event_pattern='{"source": ["aws.guardduty"]}'),
        *([connect("detector", "findings", ConnectionKind.EVENT)] if routed else []),
    )


CASE = Case(
    ok=_detector(routed=True),
    bad=_detector(routed=False),
    expected=[
        (("detector",), "“Detector” sends its findings nowhere: no rule, topic or function receives them")
    ],
)


def test_sec_guardduty_findings_unrouted() -> None:
    check_case(RULE, CASE)
