"""COST-030 (Interface endpoint nothing uses): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.cost_idle_interface_endpoint import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _endpoints(used: bool) -> Build:
    return with_(
        svc("ec2_instance", "private-a", "app"),
        svc("sqs_queue", "region", "jobs"),
        svc("vpc_endpoint_interface", "private-a", "sqs-endpoint", ["private-b"], service="sqs"),
        svc("vpc_endpoint_interface", "private-a", "logs-endpoint", ["private-b"], service="logs"),
        *([connect("app", "jobs", ConnectionKind.WRITE)] if used else []),
    )


CASE = Case(
    ok=_endpoints(True),
    bad=_endpoints(False),
    expected=[
        (
            ("sqs-endpoint",),
            "“Sqs-endpoint” (sqs) is billed in each of its AZs, but nothing in the VPC calls sqs",
        )
    ],
)


def test_cost_idle_interface_endpoint() -> None:
    check_case(RULE, CASE)
