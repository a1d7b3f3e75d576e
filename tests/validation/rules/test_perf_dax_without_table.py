"""PERF-019 (DAX cluster in front of no table): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.perf_dax_without_table import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _cache(connected: bool) -> Build:
    return with_(
        svc("dax_cluster", "private-a", "accelerator", ["private-b"]),
        svc("dynamodb_table", "region", "orders"),
        *([connect("accelerator", "orders", ConnectionKind.READ_WRITE)] if connected else []),
    )


CASE = Case(
    ok=_cache(connected=True),
    bad=_cache(connected=False),
    expected=[(("accelerator",), "“Accelerator” reads through to no DynamoDB table")],
)


def test_perf_dax_without_table() -> None:
    check_case(RULE, CASE)
