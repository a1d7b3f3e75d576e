"""SEC-020 (Public REST API without WAF): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation import validate
from archbuilder.validation.rules.sec_rest_api_without_waf import RULE
from tests.validation.builders import Case, check_case, connect, svc, with_

CASE = Case(
    ok=with_(
        svc("api_gateway_rest", "region", "api"),
        svc("waf_web_acl", "region", "acl"),
        connect("acl", "api", ConnectionKind.ATTACH),
    ),
    bad=with_(svc("api_gateway_rest", "region", "api")),
    expected=[(("api",), "“Api” is open to the internet with no WAF web ACL attached")],
)


def test_sec_rest_api_without_waf() -> None:
    check_case(RULE, CASE)


def test_a_private_api_is_not_open_to_the_internet() -> None:
    arch = with_(svc("api_gateway_rest", "region", "api", endpoint_type="PRIVATE"))()
    assert validate(arch, [RULE]).findings == []
