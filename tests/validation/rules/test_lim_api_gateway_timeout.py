"""LIM-007 (Lambda runs longer than the API Gateway integration timeout): ok and bad fixtures, exact findings.

HTTP APIs wait 30 s; edge-optimized REST APIs 29 s; Regional and private REST APIs 29 s unless raised, up to 300 s.
"""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation import validate
from archbuilder.validation.rules.lim_api_gateway_timeout import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _apis_to_functions(http: int, edge: int, regional: int) -> Build:
    return with_(
        svc("api_gateway_http", "region", "api"),
        svc("lambda_function", "region", "fn", timeout_seconds=http),
        svc("api_gateway_rest", "region", "edge", endpoint_type="EDGE"),
        svc("lambda_function", "region", "edge-fn", timeout_seconds=edge),
        svc("api_gateway_rest", "region", "regional", endpoint_type="REGIONAL"),
        svc("lambda_function", "region", "report", timeout_seconds=regional),
        connect("api", "fn", ConnectionKind.INVOKE),
        connect("edge", "edge-fn", ConnectionKind.INVOKE),
        connect("regional", "report", ConnectionKind.INVOKE),
    )


CASE = Case(
    ok=_apis_to_functions(http=30, edge=29, regional=29),
    bad=_apis_to_functions(http=60, edge=30, regional=120),
    expected=[
        (("api", "fn"), "“Api” stops waiting after 30 s but “Fn” may run 60 s"),
        (("edge", "edge-fn"), "“Edge” stops waiting after 29 s but “Edge-fn” may run 30 s"),
        (
            ("regional", "report"),
            "“Regional” stops waiting after 29 s unless its integration timeout is raised (up to 300 s), but "
            "“Report” may run 120 s",
        ),
    ],
)


def test_lim_api_gateway_timeout() -> None:
    check_case(RULE, CASE)


def test_beyond_what_a_regional_api_can_be_raised_to() -> None:
    arch = _apis_to_functions(http=30, edge=29, regional=600)()
    assert [f.message for f in validate(arch, [RULE]).findings] == [
        "“Regional” stops waiting after 29 s (300 s at most when raised) but “Report” may run 600 s"
    ]


def test_a_function_the_api_does_not_call_is_not_reported() -> None:
    arch = with_(
        svc("api_gateway_rest", "region", "api"),
        svc("lambda_function", "region", "fn", timeout_seconds=900),
    )()
    assert validate(arch, [RULE]).findings == []
