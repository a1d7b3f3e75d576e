"""OPS-031 (Serverless request path without tracing): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.ops_serverless_path_without_tracing import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _api(traced: bool) -> Build:
    return with_(
        svc("api_gateway_http", "region", "api"),
        svc("lambda_function", "region", "orders"),
        connect("api", "orders", ConnectionKind.INVOKE),
        *(
            [svc("xray", "region", "traces"), connect("orders", "traces", ConnectionKind.LOGS)]
            if traced
            else []
        ),
    )


CASE = Case(
    ok=_api(traced=True),
    bad=_api(traced=False),
    expected=[
        (("api", "orders"), "Requests through “Api” to “Orders” are not traced: the design has no X-Ray")
    ],
)


def test_ops_serverless_path_without_tracing() -> None:
    check_case(RULE, CASE)
