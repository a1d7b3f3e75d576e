"""SUS-007 (Container repository without a lifecycle policy): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.sus_ecr_without_lifecycle import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("ecr_repository", "region", "images", lifecycle_keep_last=10)),
    bad=with_(svc("ecr_repository", "region", "images", lifecycle_keep_last=None)),
    expected=[(("images",), "“Images” keeps every image ever pushed: no lifecycle policy")],
)


def test_sus_ecr_without_lifecycle() -> None:
    check_case(RULE, CASE)
