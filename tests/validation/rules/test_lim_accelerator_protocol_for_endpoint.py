"""LIM-073 (UDP accelerator in front of a TCP-only endpoint): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.lim_accelerator_protocol_for_endpoint import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _accelerator(protocol: str) -> Build:
    return with_(
        svc("global_accelerator", None, "edge", listener_protocol=protocol),
        svc("alb", "public-a", "web", ["public-b"]),
        connect("edge", "web", ConnectionKind.TRAFFIC, 443),
    )


CASE = Case(
    ok=_accelerator("TCP"),
    bad=_accelerator("UDP"),
    expected=[(("edge", "web"), "“Edge” listens on UDP but sends to “Web”, which accepts only TCP")],
)


def test_lim_accelerator_protocol_for_endpoint() -> None:
    check_case(RULE, CASE)
