"""SUS-003 (Kubernetes node group of fixed size): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.sus_fixed_size_node_group import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("eks_node_group", "private-a", "nodes", ["private-b"], min_size=1, max_size=3)),
    bad=with_(svc("eks_node_group", "private-a", "nodes", ["private-b"], min_size=3, max_size=3)),
    expected=[(("nodes",), "“Nodes” always runs 3 nodes: its minimum equals its maximum")],
)


def test_sus_fixed_size_node_group() -> None:
    check_case(RULE, CASE)
