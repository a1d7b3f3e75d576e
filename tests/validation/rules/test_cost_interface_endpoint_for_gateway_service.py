"""COST-015 (Interface endpoint where a gateway endpoint is free): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.cost_interface_endpoint_for_gateway_service import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_


def _endpoint(service: str) -> Build:
    return with_(
        svc("vpc_endpoint_interface", "private-a", "storage-endpoint", service=service),
        svc("vpc_endpoint_gateway", "vpc", "table-endpoint", service="dynamodb"),
    )


CASE = Case(
    ok=_endpoint("secretsmanager"),
    bad=_endpoint("com.amazonaws.us-east-1.s3"),
    expected=[
        (
            ("storage-endpoint",),
            "“Storage-endpoint” is an interface endpoint for S3, billed per hour and per GB in each AZ; a gateway "
            "endpoint for S3 is free",
        )
    ],
)


def test_cost_interface_endpoint_for_gateway_service() -> None:
    check_case(RULE, CASE)
