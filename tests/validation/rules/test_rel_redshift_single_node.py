"""REL-074 (Single-node production warehouse): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_redshift_single_node import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("redshift_cluster", "private-a", "dw", ["private-b"], num_nodes=2)),
    bad=with_(svc("redshift_cluster", "private-a", "dw", ["private-b"], num_nodes=1)),
    expected=[(("dw",), "“Dw” runs the production warehouse on one node")],
)


def test_rel_redshift_single_node() -> None:
    check_case(RULE, CASE)
