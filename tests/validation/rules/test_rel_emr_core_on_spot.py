"""REL-039 (EMR core nodes on Spot): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_emr_core_on_spot import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_


def _cluster(core_market: str) -> Build:
    return with_(
        svc(
            "emr_cluster",
            "private-a",
            "etl",
            core_market=core_market,
            core_instance_count=2,
            task_market="SPOT",
        )
    )


CASE = Case(
    ok=_cluster("ON_DEMAND"),
    bad=_cluster("SPOT"),
    expected=[(("etl",), "“Etl” runs its core nodes, which store HDFS data, on Spot instances")],
)


def test_rel_emr_core_on_spot() -> None:
    check_case(RULE, CASE)
