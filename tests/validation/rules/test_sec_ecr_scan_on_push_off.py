"""SEC-028 (Images not scanned on push): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.sec_ecr_scan_on_push_off import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("ecr_repository", "region", "images", scan_on_push=True)),
    bad=with_(svc("ecr_repository", "region", "images", scan_on_push=False)),
    expected=[(("images",), "“Images” does not scan images for vulnerabilities when they are pushed")],
)


def test_sec_ecr_scan_on_push_off() -> None:
    check_case(RULE, CASE)
