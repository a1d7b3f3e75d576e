"""PERF-008 (Sticky sessions in front of a scaling tier): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.perf_sticky_sessions_on_scaling_tier import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _sticky(sticky: bool) -> Build:
    return with_(
        svc("alb", "public-a", "alb", ["public-b"], sticky_sessions=sticky),
        svc("autoscaling_group", "private-a", "web", ["private-b"]),
        connect("alb", "web", ConnectionKind.TRAFFIC, 80),
    )


CASE = Case(
    ok=_sticky(False),
    bad=_sticky(True),
    expected=[
        (
            ("alb", "web"),
            "“Alb” binds each user to one member of “Web”, so load spreads unevenly as it scales",
        )
    ],
)


def test_perf_sticky_sessions_on_scaling_tier() -> None:
    check_case(RULE, CASE)
