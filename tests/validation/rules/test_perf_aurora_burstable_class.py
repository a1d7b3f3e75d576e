"""PERF-011 (Aurora on a burstable instance class): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.perf_aurora_burstable_class import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("aurora_cluster", "private-a", "orders", ["private-b"], instance_class="db.r6g.large")),
    bad=with_(svc("aurora_cluster", "private-a", "orders", ["private-b"], instance_class="db.t3.medium")),
    expected=[
        (("orders",), "“Orders” runs on db.t3.medium, a small burstable class; Aurora gains from many CPUs"),
    ],
)


def test_perf_aurora_burstable_class() -> None:
    check_case(RULE, CASE)
