"""COST-019 (EMR task nodes On-Demand): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.cost_emr_task_nodes_on_demand import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_


def _cluster(task_market: str) -> Build:
    return with_(
        svc(
            "emr_cluster",
            "private-a",
            "etl",
            task_market=task_market,
            task_instance_count=4,
            core_market="ON_DEMAND",
        ),
        svc("emr_cluster", "private-a", "adhoc", task_market="ON_DEMAND", task_instance_count=0),
    )


CASE = Case(
    ok=_cluster("SPOT"),
    bad=_cluster("ON_DEMAND"),
    expected=[(("etl",), "“Etl” buys its 4 task nodes On-Demand; they hold no data and can run on Spot")],
)


def test_cost_emr_task_nodes_on_demand() -> None:
    check_case(RULE, CASE)
