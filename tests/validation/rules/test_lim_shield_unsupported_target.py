"""LIM-038 (Shield Advanced on a resource it does not cover): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.lim_shield_unsupported_target import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _protected(type_id: str, extra: list[str]) -> Build:
    return with_(
        svc("shield", None, "ddos"),
        svc(type_id, "public-a", "front", extra),
        connect("ddos", "front", ConnectionKind.ATTACH),
    )


CASE = Case(
    ok=_protected("alb", ["public-b"]),
    bad=_protected("ec2_instance", []),
    expected=[
        (
            ("ddos", "front"),
            "“Ddos” protects “Front”, but Shield Advanced covers only load balancers, CloudFront, Route 53 and "
            "Elastic IPs",
        )
    ],
)


def test_lim_shield_unsupported_target() -> None:
    check_case(RULE, CASE)
