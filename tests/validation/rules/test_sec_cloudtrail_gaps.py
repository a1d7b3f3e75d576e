"""SEC-047 (Trail with gaps): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.sec_cloudtrail_gaps import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_


def _trail(complete: bool) -> Build:
    return with_(svc("cloudtrail", "region", "audit", multi_region=complete, log_file_validation=complete))


CASE = Case(
    ok=_trail(True),
    bad=_trail(False),
    expected=[
        (
            ("audit",),
            "“Audit” records only its own region and writes no digest files to prove its logs unaltered",
        )
    ],
)


def test_sec_cloudtrail_gaps() -> None:
    check_case(RULE, CASE)
