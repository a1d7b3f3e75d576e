"""SEC-014 (User pool without MFA): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.sec_cognito_mfa_off import RULE
from tests.validation.builders import (
    Case,
    check_case,
    svc,
    with_,
)

CASE = Case(
    ok=with_(svc("cognito_user_pool", "region", "users")),
    bad=with_(svc("cognito_user_pool", "region", "users", mfa="OFF")),
    expected=[(("users",), "“Users” has MFA turned off")],
)


def test_sec_cognito_mfa_off() -> None:
    check_case(RULE, CASE)
