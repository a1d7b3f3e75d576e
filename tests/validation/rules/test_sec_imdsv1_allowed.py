"""SEC-044 (Instance metadata without session tokens): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.sec_imdsv1_allowed import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("ec2_instance", "private-a", "app", require_imdsv2=True)),
    bad=with_(svc("ec2_instance", "private-a", "app", require_imdsv2=False)),
    expected=[(("app",), "“App” accepts IMDSv1 requests for its role's credentials")],
)


def test_sec_imdsv1_allowed() -> None:
    check_case(RULE, CASE)
