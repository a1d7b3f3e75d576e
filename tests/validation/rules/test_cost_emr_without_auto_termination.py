"""COST-012 (EMR cluster without idle auto-termination): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.cost_emr_without_auto_termination import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("emr_cluster", "private-a", "spark", auto_termination_idle_seconds=3600)),
    bad=with_(svc("emr_cluster", "private-a", "spark", auto_termination_idle_seconds=None)),
    expected=[(("spark",), "“Spark” never terminates when idle")],
)


def test_cost_emr_without_auto_termination() -> None:
    check_case(RULE, CASE)
