"""SEC-012 (Secret never rotated): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.sec_secret_rotation_off import RULE
from tests.validation.builders import (
    Case,
    check_case,
    svc,
    with_,
)

CASE = Case(
    ok=with_(svc("secrets_manager_secret", "region", "secret")),
    bad=with_(svc("secrets_manager_secret", "region", "secret", rotation_days=0)),
    expected=[(("secret",), "“Secret” is never rotated")],
)


def test_sec_secret_rotation_off() -> None:
    check_case(RULE, CASE)
