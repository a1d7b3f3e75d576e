"""LIM-063 (Multi-AZ Redshift on a node type without it): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.lim_redshift_multi_az_node_type import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(
        svc("redshift_cluster", "private-a", "dw", ["private-b"], multi_az=True, instance_class="ra3.4xlarge")
    ),
    bad=with_(
        svc("redshift_cluster", "private-a", "dw", ["private-b"], multi_az=True, instance_class="dc2.large")
    ),
    expected=[(("dw",), "“Dw” is Multi-AZ on dc2.large; only RA3 nodes support Multi-AZ")],
)


def test_lim_redshift_multi_az_node_type() -> None:
    check_case(RULE, CASE)
