"""LIM-064 (Snapshot copy to the cluster's own region): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.lim_redshift_snapshot_copy_same_region import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("redshift_cluster", "private-a", "dw", ["private-b"], snapshot_copy_region="us-west-2")),
    bad=with_(svc("redshift_cluster", "private-a", "dw", ["private-b"], snapshot_copy_region="us-east-1")),
    expected=[(("dw",), "“Dw” copies its snapshots to us-east-1, its own region")],
)


def test_lim_redshift_snapshot_copy_same_region() -> None:
    check_case(RULE, CASE)
