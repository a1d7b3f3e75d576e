"""REL-073 (Zone awareness with an uneven node count): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_opensearch_zone_awareness_nodes import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(
        svc("opensearch_domain", "private-a", "search", ["private-b"], zone_awareness=True, instance_count=4)
    ),
    bad=with_(
        svc("opensearch_domain", "private-a", "search", ["private-b"], zone_awareness=True, instance_count=3)
    ),
    expected=[
        (("search",), "“Search” spreads 3 data nodes over two AZs; zone awareness needs an even number")
    ],
)


def test_rel_opensearch_zone_awareness_nodes() -> None:
    check_case(RULE, CASE)
