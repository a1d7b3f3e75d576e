"""REL-022 (Scaling tier exposed without a load balancer): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.rel_scaling_tier_without_load_balancer import RULE
from tests.validation.builders import Case, check_case, connect, svc, with_, world

CASE = Case(
    ok=with_(
        svc("alb", "public-a", "alb", ["public-b"], internet_facing=True),
        svc("autoscaling_group", "private-a", "web", ["private-b"]),
        connect("alb", "web", ConnectionKind.TRAFFIC, 80),
    ),
    bad=with_(svc("autoscaling_group", "public-a", "web", ["public-b"], ingress=[world(443)])),
    expected=[(("web",), "“Web” takes internet traffic directly, with no load balancer in front")],
)


def test_rel_scaling_tier_without_load_balancer() -> None:
    check_case(RULE, CASE)
