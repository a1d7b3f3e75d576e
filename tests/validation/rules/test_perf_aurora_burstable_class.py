"""PERF-011 (Aurora on a burstable instance class): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.model import Environment
from archbuilder.validation import validate
from archbuilder.validation.rules.perf_aurora_burstable_class import RULE
from tests.validation.builders import Case, check_case, environment, svc, with_

CASE = Case(
    ok=with_(svc("aurora_cluster", "private-a", "orders", ["private-b"], instance_class="db.r6g.large")),
    bad=with_(svc("aurora_cluster", "private-a", "orders", ["private-b"], instance_class="db.t3.medium")),
    expected=[
        (("orders",), "“Orders” runs on db.t3.medium, a small burstable class; Aurora gains from many CPUs"),
    ],
)


def test_perf_aurora_burstable_class() -> None:
    check_case(RULE, CASE)


def test_a_burstable_class_suits_a_development_cluster() -> None:
    arch = with_(
        svc("aurora_cluster", "private-a", "orders", ["private-b"], instance_class="db.t4g.medium"),
        environment(Environment.DEVELOPMENT),
    )()
    assert validate(arch, [RULE]).findings == []
