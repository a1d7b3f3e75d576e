"""COST-022 (Athena workgroup without a scan limit): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.cost_athena_without_scan_limit import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("athena_workgroup", "region", "analysts", bytes_scanned_cutoff_mb=10240)),
    bad=with_(svc("athena_workgroup", "region", "analysts")),
    expected=[(("analysts",), "“Analysts” puts no limit on the data one query may scan")],
)


def test_cost_athena_without_scan_limit() -> None:
    check_case(RULE, CASE)
