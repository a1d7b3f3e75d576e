"""REL-041 (Private API without an interface endpoint): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_private_api_without_endpoint import RULE
from tests.validation.builders import Case, check_case, svc, with_

_APIS = (
    svc("api_gateway_rest", "region", "internal", endpoint_type="PRIVATE"),
    svc("api_gateway_rest", "region", "public", endpoint_type="REGIONAL"),
    svc("vpc_endpoint_interface", "private-a", "secrets-endpoint", service="secretsmanager"),
)

CASE = Case(
    ok=with_(*_APIS, svc("vpc_endpoint_interface", "private-a", "api-endpoint", service="execute-api")),
    bad=with_(*_APIS),
    expected=[
        (
            ("internal",),
            "“Internal” is a private API, but no interface VPC endpoint for execute-api lets anything reach it",
        )
    ],
)


def test_rel_private_api_without_endpoint() -> None:
    check_case(RULE, CASE)
