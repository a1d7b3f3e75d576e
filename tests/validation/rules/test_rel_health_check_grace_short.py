"""REL-052 (Health check grace period under a minute): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_health_check_grace_short import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_


def _groups(grace: int) -> Build:
    return with_(
        svc(
            "autoscaling_group",
            "private-a",
            "web",
            ["private-b"],
            health_check_type="ELB",
            health_check_grace_period_seconds=grace,
        ),
        svc(
            "autoscaling_group",
            "private-a",
            "batch",
            ["private-b"],
            health_check_type="EC2",
            health_check_grace_period_seconds=0,
        ),
    )


CASE = Case(
    ok=_groups(300),
    bad=_groups(15),
    expected=[
        (("web",), "“Web” lets new instances only 15 s before load balancer health checks can replace them")
    ],
)


def test_rel_health_check_grace_short() -> None:
    check_case(RULE, CASE)
