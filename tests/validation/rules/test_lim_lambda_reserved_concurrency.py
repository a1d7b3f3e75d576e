"""LIM-024 (Reserved concurrency above the regional quota): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.lim_lambda_reserved_concurrency import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_


def _functions(second: int) -> Build:
    return with_(
        svc("lambda_function", "region", "ingest", reserved_concurrency=600),
        svc("lambda_function", "region", "report", reserved_concurrency=second),
        svc("lambda_function", "region", "spare"),
    )


CASE = Case(
    ok=_functions(300),
    bad=_functions(500),
    expected=[
        (
            ("ingest", "report"),
            "Functions in us-east-1 reserve 1,100 concurrent executions together; the account has 1,000 in a region",
        )
    ],
)


def test_lim_lambda_reserved_concurrency() -> None:
    check_case(RULE, CASE)
