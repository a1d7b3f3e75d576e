"""LIM-091 (A value the catalog does not offer): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.lim_value_outside_catalog import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(
        svc("lambda_function", "region", "fn", runtime="python3.12"),
        svc("vpc_endpoint_gateway", "vpc", "endpoint", service="s3"),
        # Past a limit AWS sets: LIM-090's, not this rule's.
        svc("lambda_function", "region", "slow", timeout_seconds=1200),
    ),
    bad=with_(
        svc("lambda_function", "region", "fn", runtime="python3.9"),
        svc("vpc_endpoint_gateway", "vpc", "endpoint", service="s3express"),
        svc("lambda_function", "region", "slow", timeout_seconds=1200),
    ),
    expected=[
        (("endpoint",), "“Endpoint” › Service is 's3express' as written; the catalog offers s3, dynamodb"),
        (
            ("fn",),
            "“Fn” › Runtime is 'python3.9' as written; the catalog offers python3.14, python3.13, python3.12, "
            "python3.11, nodejs24.x, nodejs22.x, nodejs20.x, java21, java17, dotnet8, ruby3.4, ruby3.3, "
            "provided.al2023",
        ),
    ],
)


def test_lim_value_outside_catalog() -> None:
    check_case(RULE, CASE)
