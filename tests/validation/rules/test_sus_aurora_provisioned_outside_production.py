"""SUS-009 (Provisioned Aurora outside production): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.model import Environment
from archbuilder.validation.rules.sus_aurora_provisioned_outside_production import RULE
from tests.validation.builders import Case, check_case, environment, svc, with_

CASE = Case(
    ok=with_(
        svc("aurora_cluster", "private-a", "orders", ["private-b"], capacity_mode="serverless_v2"),
        environment(Environment.STAGING),
    ),
    bad=with_(
        svc(
            "aurora_cluster",
            "private-a",
            "orders",
            ["private-b"],
            capacity_mode="provisioned",
            instance_count=2,
        ),
        environment(Environment.STAGING),
    ),
    expected=[(("orders",), "“Orders” keeps 2 provisioned instance(s) running in a staging design")],
)


def test_sus_aurora_provisioned_outside_production() -> None:
    check_case(RULE, CASE)
