"""SEC-011 (KMS key rotation off): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.sec_kms_rotation_off import RULE
from tests.validation.builders import (
    Case,
    check_case,
    svc,
    with_,
)

CASE = Case(
    ok=with_(svc("kms_key", "region", "key")),
    bad=with_(svc("kms_key", "region", "key", key_rotation=False)),
    expected=[(("key",), "“Key” has automatic rotation turned off")],
)


def test_sec_kms_rotation_off() -> None:
    check_case(RULE, CASE)
