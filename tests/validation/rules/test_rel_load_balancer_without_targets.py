"""REL-045 (Load balancer without targets): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.rel_load_balancer_without_targets import RULE
from tests.validation.builders import Case, check_case, connect, svc, with_

_BALANCERS = (
    svc("alb", "public-a", "web-lb", ["public-b"]),
    svc("nlb", "private-a", "tcp-lb", ["private-b"], internet_facing=False),
    svc("autoscaling_group", "private-a", "app", ["private-b"]),
    connect("web-lb", "app", ConnectionKind.TRAFFIC),
)

CASE = Case(
    ok=with_(*_BALANCERS, connect("tcp-lb", "app", ConnectionKind.TRAFFIC)),
    bad=with_(*_BALANCERS),
    expected=[(("tcp-lb",), "“Tcp-lb” forwards traffic to nothing: no target is connected behind it")],
)


def test_rel_load_balancer_without_targets() -> None:
    check_case(RULE, CASE)
