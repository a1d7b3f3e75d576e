"""LIM-093 (ECS service on EC2 without a cluster): ok and bad fixtures, exact findings; the design the rule
passes exports, and the one it flags is the one the export refuses."""

from __future__ import annotations

import pytest

from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.registry import ExportError
from archbuilder.validation import validate
from archbuilder.validation.rules.lim_ecs_ec2_service_without_cluster import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_


def _services(cluster: bool) -> Build:
    return with_(
        svc("ecs_service", "private-a", "orders", ["private-b"], launch_type="EC2"),
        svc("ecs_service", "private-a", "web", ["private-b"], launch_type="FARGATE"),
        *([svc("ecs_cluster", "region", "cluster")] if cluster else []),
    )


CASE = Case(
    ok=_services(cluster=True),
    bad=_services(cluster=False),
    expected=[
        (
            ("orders",),
            "“Orders” runs its tasks on EC2, but the design has no ECS cluster for its container instances to join",
        )
    ],
)


def test_lim_ecs_ec2_service_without_cluster() -> None:
    check_case(RULE, CASE)


def test_fargate_services_alone_need_no_cluster() -> None:
    arch = with_(svc("ecs_service", "private-a", "web", ["private-b"], launch_type="FARGATE"))()
    assert validate(arch, [RULE]).findings == []


def test_the_design_flagged_is_the_one_the_export_refuses() -> None:
    build_template(_services(cluster=True)())
    with pytest.raises(ExportError, match="Orders: an ECS service on EC2 needs an ECS cluster in the design"):
        build_template(_services(cluster=False)())
