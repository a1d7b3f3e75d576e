"""REL-060 (Aurora cluster without a replica to fail over to): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_aurora_without_failover_target import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_


def _cluster(instances: int) -> Build:
    return with_(
        svc("aurora_cluster", "private-a", "orders", ["private-b"], multi_az=True, instance_count=instances),
        svc("aurora_cluster", "private-a", "scratch", ["private-b"], multi_az=False, instance_count=1),
    )


CASE = Case(
    ok=_cluster(2),
    bad=_cluster(1),
    expected=[
        (
            ("orders",),
            "“Orders” is marked Multi-AZ but runs one instance: its storage spans three AZs, yet with no replica to "
            "promote a failure leaves it down until Aurora replaces the writer",
        )
    ],
)


def test_rel_aurora_without_failover_target() -> None:
    check_case(RULE, CASE)
