"""REL-016 (Scaling group ignores load balancer health): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.rel_asg_ignores_lb_health import RULE
from tests.validation.builders import (
    Case,
    both,
    check_case,
    connect,
    svc,
    with_,
)

CASE = Case(
    ok=with_(
        both(
            svc("alb", "public-a", "alb", ["public-b"]),
            svc("autoscaling_group", "private-a", "asg", ["private-b"]),
            connect("alb", "asg", ConnectionKind.TRAFFIC, 80),
        )
    ),
    bad=with_(
        both(
            svc("alb", "public-a", "alb", ["public-b"]),
            svc("autoscaling_group", "private-a", "asg", ["private-b"], health_check_type="EC2"),
            connect("alb", "asg", ConnectionKind.TRAFFIC, 80),
        )
    ),
    expected=[(("asg",), "“Asg” is behind a load balancer but only uses EC2 health checks")],
)


def test_rel_asg_ignores_lb_health() -> None:
    check_case(RULE, CASE)
