"""SEC-016 (Application server behind a load balancer in a public subnet): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation import validate
from archbuilder.validation.rules.sec_app_server_in_public_subnet import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _behind_alb(subnet: str, kind: ConnectionKind = ConnectionKind.TRAFFIC) -> Build:
    return with_(
        svc("alb", "public-a", "alb", ["public-b"], internet_facing=True),
        svc("ec2_instance", subnet, "app"),
        connect("alb", "app", kind, 80),
    )


CASE = Case(
    ok=_behind_alb("private-a"),
    bad=_behind_alb("public-a"),
    expected=[(("app",), "“App” sits in a public subnet although it is reached through “Alb”")],
)


def test_sec_app_server_in_public_subnet() -> None:
    check_case(RULE, CASE)


def test_a_public_server_without_a_load_balancer_in_front_is_not_this_rule() -> None:
    arch = with_(svc("ec2_instance", "public-a", "bastion"))()
    assert validate(arch, [RULE]).findings == []
