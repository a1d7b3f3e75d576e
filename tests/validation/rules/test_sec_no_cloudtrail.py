"""SEC-007 (CloudTrail missing): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.sec_no_cloudtrail import RULE
from tests.validation.builders import (
    Case,
    both,
    check_case,
    svc,
    with_,
)

CASE = Case(
    ok=with_(both(svc("s3_bucket", "region", "bucket"), svc("cloudtrail", "region", "trail"))),
    bad=with_(svc("s3_bucket", "region", "bucket")),
    expected=[((), "The design has no CloudTrail trail: API activity in the account is not audited")],
)


def test_sec_no_cloudtrail() -> None:
    check_case(RULE, CASE)
