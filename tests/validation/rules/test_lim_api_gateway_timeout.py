"""LIM-007 (Lambda runs longer than the API Gateway integration timeout): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation import validate
from archbuilder.validation.rules.lim_api_gateway_timeout import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _api_to_function(timeout: int, kind: ConnectionKind = ConnectionKind.INVOKE) -> Build:
    return with_(
        svc("api_gateway_http", "region", "api"),
        svc("lambda_function", "region", "fn", timeout_seconds=timeout),
        connect("api", "fn", kind),
    )


CASE = Case(
    ok=_api_to_function(29),
    bad=_api_to_function(60),
    expected=[(("api", "fn"), "“Api” stops waiting after 29 s but “Fn” may run 60 s")],
)


def test_lim_api_gateway_timeout() -> None:
    check_case(RULE, CASE)


def test_a_function_the_api_does_not_call_is_not_reported() -> None:
    arch = with_(
        svc("api_gateway_rest", "region", "api"),
        svc("lambda_function", "region", "fn", timeout_seconds=900),
    )()
    assert validate(arch, [RULE]).findings == []
