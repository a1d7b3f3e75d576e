"""REL-017 (Single-node production cache): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_cache_single_node import RULE
from tests.validation.builders import (
    Case,
    check_case,
    svc,
    with_,
)

CASE = Case(
    ok=with_(svc("elasticache_cluster", "private-a", "cache", ["private-b"], num_nodes=2)),
    bad=with_(svc("elasticache_cluster", "private-a", "cache", ["private-b"], num_nodes=1)),
    expected=[(("cache",), "“Cache” has a single node")],
)


def test_rel_cache_single_node() -> None:
    check_case(RULE, CASE)
