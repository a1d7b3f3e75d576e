"""REL-038 (Kafka brokers in a single AZ): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_msk_single_az import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_


def _cluster(extra: list[str]) -> Build:
    return with_(svc("msk_cluster", "private-a", "events", extra, num_nodes=2))


CASE = Case(
    ok=_cluster(["private-b"]),
    bad=_cluster([]),
    expected=[(("events",), "“Events” has subnets in us-east-1a only, so all its brokers share one AZ")],
)


def test_rel_msk_single_az() -> None:
    check_case(RULE, CASE)
