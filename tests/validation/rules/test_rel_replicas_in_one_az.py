"""REL-058 (Cluster replicas in a single AZ): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_replicas_in_one_az import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_


def _clusters(extra: list[str]) -> Build:
    return with_(
        svc("elasticache_cluster", "private-a", "sessions", extra, num_nodes=2),
        svc("opensearch_domain", "private-a", "search", extra, instance_count=3),
        svc("dax_cluster", "private-a", "accelerator", [], num_nodes=1),  # one node: nothing to spread
    )


CASE = Case(
    ok=_clusters(["private-b"]),
    bad=_clusters([]),
    expected=[
        (("search",), "“Search” runs 3 nodes, all in us-east-1a: one AZ outage takes every replica down"),
        (("sessions",), "“Sessions” runs 2 nodes, all in us-east-1a: one AZ outage takes every replica down"),
    ],
)


def test_rel_replicas_in_one_az() -> None:
    check_case(RULE, CASE)
