"""SEC-010 (Public API without authorization): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation import validate
from archbuilder.validation.rules.sec_api_without_auth import RULE
from tests.validation.builders import (
    Case,
    check_case,
    connect,
    svc,
    with_,
)

CASE = Case(
    ok=with_(svc("api_gateway_rest", "region", "api", authorization="AWS_IAM")),
    bad=with_(svc("api_gateway_rest", "region", "api")),
    expected=[(("api",), "“Api” accepts calls from the internet without authorization")],
)


def test_sec_api_without_auth() -> None:
    check_case(RULE, CASE)


def test_an_api_attached_to_a_user_pool_signs_its_callers_in_and_is_not_reported() -> None:
    arch = with_(
        svc("api_gateway_rest", "region", "api"),
        svc("cognito_user_pool", "region", "users"),
        connect("api", "users", ConnectionKind.ATTACH),
    )()
    assert validate(arch, [RULE]).findings == []
