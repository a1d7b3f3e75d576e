"""REL-085 (KMS key with the shortest deletion window): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_kms_short_deletion_window import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("kms_key", "region", "key", deletion_window_days=30)),
    bad=with_(svc("kms_key", "region", "key", deletion_window_days=7)),
    expected=[
        (("key",), "“Key” is deleted 7 days after deletion is scheduled, and with it everything it encrypts")
    ],
)


def test_rel_kms_short_deletion_window() -> None:
    check_case(RULE, CASE)
