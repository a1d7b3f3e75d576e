"""REL-086 (Production node group on Spot only): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_node_group_spot_only import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_


def _nodes(on_demand: bool) -> Build:
    return with_(
        svc("eks_node_group", "private-a", "spot", ["private-b"], capacity_type="SPOT"),
        *(
            [svc("eks_node_group", "private-a", "base", ["private-b"], capacity_type="ON_DEMAND")]
            if on_demand
            else []
        ),
    )


CASE = Case(
    ok=_nodes(True),
    bad=_nodes(False),
    expected=[(("spot",), "“Spot” gives the production cluster Spot nodes only")],
)


def test_rel_node_group_spot_only() -> None:
    check_case(RULE, CASE)
