"""SEC-021 (No encryption in transit): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.sec_no_encryption_in_transit import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("elasticache_cluster", "private-a", "cache", ["private-b"], transit_encryption=True)),
    bad=with_(
        svc("elasticache_cluster", "private-a", "cache", ["private-b"], transit_encryption=False),
        svc("opensearch_domain", "private-a", "search", ["private-b"], transit_encryption=False),
    ),
    expected=[
        (("cache",), "“Cache” accepts connections without TLS"),
        (("search",), "“Search” accepts connections without TLS"),
    ],
)


def test_sec_no_encryption_in_transit() -> None:
    check_case(RULE, CASE)
