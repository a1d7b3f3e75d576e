"""COST-016 (REST API used only as a Lambda front door): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.cost_rest_api_for_lambda_only import RULE
from tests.validation.builders import Case, check_case, connect, svc, with_

_API = (
    svc("api_gateway_rest", "region", "api", endpoint_type="REGIONAL"),
    svc("lambda_function", "region", "orders"),
    svc("waf_web_acl", "region", "acl"),
    connect("api", "orders", ConnectionKind.INVOKE),
)

CASE = Case(
    ok=with_(*_API, connect("acl", "api", ConnectionKind.ATTACH)),  # WAF protects REST APIs only
    bad=with_(*_API),
    expected=[
        (
            ("api",),
            "“Api” is a REST API that only calls Lambda functions; an HTTP API does that at a lower price per request",
        )
    ],
)


def test_cost_rest_api_for_lambda_only() -> None:
    check_case(RULE, CASE)
