"""LIM-036 (MSK broker count not a multiple of its AZs): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.lim_msk_brokers_per_az import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_


def _cluster(brokers: int) -> Build:
    return with_(svc("msk_cluster", "private-a", "events", ["private-b"], num_nodes=brokers))


CASE = Case(
    ok=_cluster(4),
    bad=_cluster(3),
    expected=[
        (
            ("events",),
            "“Events” asks for 3 brokers over 2 AZs; MSK creates the same number of brokers in each AZ, so the count "
            "must be a multiple of 2",
        )
    ],
)


def test_lim_msk_brokers_per_az() -> None:
    check_case(RULE, CASE)
