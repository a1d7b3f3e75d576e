"""REL-089 (Production tier with no running capacity): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.rel_tier_without_capacity import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _service(tasks: int) -> Build:
    return with_(
        svc("alb", "public-a", "lb", ["public-b"]),
        svc("ecs_service", "private-a", "api", ["private-b"], desired_count=tasks),
        connect("lb", "api", ConnectionKind.TRAFFIC, 8080),
    )


CASE = Case(
    ok=_service(2),
    bad=_service(0),
    expected=[(("api", "lb"), "“Api” runs no instance or task, so “Lb” has nothing to send traffic to")],
)


def test_rel_tier_without_capacity() -> None:
    check_case(RULE, CASE)
