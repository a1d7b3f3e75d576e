"""REL-023 (ECS service in a single AZ): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_container_service_single_az import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("ecs_service", "private-a", "orders", ["private-b"])),
    bad=with_(svc("ecs_service", "private-a", "orders")),
    expected=[(("orders",), "“Orders” has subnets in us-east-1a only, so all its tasks share one AZ")],
)


def test_rel_container_service_single_az() -> None:
    check_case(RULE, CASE)
