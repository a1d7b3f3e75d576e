"""SEC-034 (Athena query results unencrypted): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.sec_athena_results_unencrypted import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("athena_workgroup", "region", "analysts", encrypted=True)),
    bad=with_(svc("athena_workgroup", "region", "analysts", encrypted=False)),
    expected=[(("analysts",), "“Analysts” writes query results to S3 without encryption")],
)


def test_sec_athena_results_unencrypted() -> None:
    check_case(RULE, CASE)
