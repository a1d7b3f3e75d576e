"""COST-021 (Batch jobs on On-Demand capacity): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.cost_batch_on_demand import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_


def _environments(containers: str, instances: str) -> Build:
    return with_(
        svc("batch_compute_environment", "region", "render", resource_type=containers),
        svc("batch_compute_environment", "private-a", "simulate", resource_type=instances),
    )


CASE = Case(
    ok=_environments("FARGATE_SPOT", "SPOT"),
    bad=_environments("FARGATE", "EC2"),
    expected=[
        (
            ("render",),
            "“Render” runs batch jobs on FARGATE On-Demand capacity; FARGATE_SPOT would run them for less",
        ),
        (("simulate",), "“Simulate” runs batch jobs on EC2 On-Demand capacity; SPOT would run them for less"),
    ],
)


def test_cost_batch_on_demand() -> None:
    check_case(RULE, CASE)
