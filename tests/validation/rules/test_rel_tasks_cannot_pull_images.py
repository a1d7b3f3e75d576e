"""REL-026 (Tasks in private subnets cannot pull images): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation import validate
from archbuilder.validation.rules.rel_tasks_cannot_pull_images import RULE
from tests.validation.builders import Case, check_case, svc, with_

_ORDERS = svc("ecs_service", "private-a", "orders", ["private-b"], image="example/orders:1.4")

CASE = Case(
    ok=with_(_ORDERS, svc("nat_gateway", "public-a", "nat")),
    bad=with_(_ORDERS),
    expected=[
        (
            ("orders",),
            "“Orders” runs in private subnets with no NAT gateway or interface endpoint, so it cannot pull "
            "example/orders:1.4",
        )
    ],
)


def test_rel_tasks_cannot_pull_images() -> None:
    check_case(RULE, CASE)


def test_interface_endpoints_are_a_way_out_too() -> None:
    arch = with_(
        _ORDERS, svc("vpc_endpoint_interface", "private-a", "ecr", ["private-b"], service="ecr.dkr")
    )()
    assert validate(arch, [RULE]).findings == []
