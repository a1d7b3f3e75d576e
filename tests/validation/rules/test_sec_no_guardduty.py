"""SEC-029 (No threat detection in production): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.model import Environment
from archbuilder.validation import validate
from archbuilder.validation.rules.sec_no_guardduty import RULE
from tests.validation.builders import Case, check_case, environment, svc, with_

_WORKLOAD = (environment(Environment.PRODUCTION), svc("ec2_instance", "private-a", "app"))

CASE = Case(
    ok=with_(*_WORKLOAD, svc("guardduty", "region", "detector")),
    bad=with_(*_WORKLOAD),
    expected=[
        (
            (),
            "The production design has no GuardDuty detector: nothing watches the account for compromised "
            "instances, calls from malicious addresses or attempts to turn off CloudTrail",
        )
    ],
)


def test_sec_no_guardduty() -> None:
    check_case(RULE, CASE)


def test_sec_no_guardduty_outside_production() -> None:
    development = with_(environment(Environment.DEVELOPMENT), svc("ec2_instance", "private-a", "app"))
    assert validate(development(), [RULE]).findings == []
