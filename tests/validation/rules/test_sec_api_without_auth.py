"""SEC-010 (Public API without authorization): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.sec_api_without_auth import RULE
from tests.validation.builders import (
    Case,
    check_case,
    svc,
    with_,
)

CASE = Case(
    ok=with_(svc("api_gateway_rest", "region", "api", authorization="AWS_IAM")),
    bad=with_(svc("api_gateway_rest", "region", "api")),
    expected=[(("api",), "“Api” accepts calls from the internet without authorization")],
)


def test_sec_api_without_auth() -> None:
    check_case(RULE, CASE)
