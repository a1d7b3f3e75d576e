"""SEC-018 (Internet-facing load balancer without TLS): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation import validate
from archbuilder.validation.rules.sec_load_balancer_plain_http import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("alb", "public-a", "alb", ["public-b"], internet_facing=True, listener_protocol="HTTPS")),
    bad=with_(svc("alb", "public-a", "alb", ["public-b"], internet_facing=True, listener_protocol="HTTP")),
    expected=[(("alb",), "“Alb” accepts internet traffic on plain HTTP")],
)


def test_sec_load_balancer_plain_http() -> None:
    check_case(RULE, CASE)


def test_an_internal_load_balancer_may_speak_http() -> None:
    arch = with_(
        svc("alb", "private-a", "alb", ["private-b"], internet_facing=False, listener_protocol="HTTP")
    )()
    assert validate(arch, [RULE]).findings == []
