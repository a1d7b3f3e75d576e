"""PERF-023 (Production search cluster without dedicated masters): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.perf_opensearch_without_dedicated_masters import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(
        svc(
            "opensearch_domain", "private-a", "search", ["private-b"], instance_count=4, dedicated_master=True
        )
    ),
    bad=with_(
        svc(
            "opensearch_domain",
            "private-a",
            "search",
            ["private-b"],
            instance_count=4,
            dedicated_master=False,
        )
    ),
    expected=[(("search",), "“Search” lets its 4 data nodes manage the cluster too")],
)


def test_perf_opensearch_without_dedicated_masters() -> None:
    check_case(RULE, CASE)
