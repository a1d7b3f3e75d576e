"""REL-083 (Failover routing with nowhere to fail over): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.rel_failover_routing_single_target import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _zone(secondary: bool) -> Build:
    return with_(
        svc("route53_zone", None, "zone", routing_policy="failover"),
        svc("alb", "public-a", "primary", ["public-b"]),
        svc("alb", "public-a", "standby", ["public-b"]),
        connect("zone", "primary", ConnectionKind.DNS),
        *([connect("zone", "standby", ConnectionKind.DNS)] if secondary else []),
    )


CASE = Case(
    ok=_zone(True),
    bad=_zone(False),
    expected=[(("zone",), "“Zone” uses failover routing but has one target, so there is no secondary")],
)


def test_rel_failover_routing_single_target() -> None:
    check_case(RULE, CASE)
