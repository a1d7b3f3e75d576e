"""SUS-018 (Detailed monitoring outside production): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.model import Environment
from archbuilder.validation.rules.sus_detailed_monitoring_outside_production import RULE
from tests.validation.builders import Build, Case, check_case, environment, svc, with_


def _test_box(detailed: bool) -> Build:
    return with_(
        environment(Environment.DEVELOPMENT),
        svc("ec2_instance", "private-a", "box", detailed_monitoring=detailed),
    )


CASE = Case(
    ok=_test_box(False),
    bad=_test_box(True),
    expected=[(("box",), "“Box” collects one-minute metrics outside production")],
)


def test_sus_detailed_monitoring_outside_production() -> None:
    check_case(RULE, CASE)
