"""REL-034 (ECS service with a single task): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_ecs_single_task import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("ecs_service", "private-a", "orders", ["private-b"], desired_count=2)),
    bad=with_(svc("ecs_service", "private-a", "orders", ["private-b"], desired_count=1)),
    expected=[(("orders",), "“Orders” runs a single task")],
)


def test_rel_ecs_single_task() -> None:
    check_case(RULE, CASE)
