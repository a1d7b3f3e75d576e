"""REL-055 (Redshift automated snapshots off): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_redshift_snapshots_off import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_


def _warehouse(days: int) -> Build:
    return with_(svc("redshift_cluster", "private-a", "warehouse", ["private-b"], backup_retention_days=days))


CASE = Case(
    ok=_warehouse(1),
    bad=_warehouse(0),
    expected=[(("warehouse",), "“Warehouse” keeps no automated snapshots (retention 0 days)")],
)


def test_rel_redshift_snapshots_off() -> None:
    check_case(RULE, CASE)
