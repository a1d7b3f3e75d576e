"""REL-053 (Long DNS TTL on failover records): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_dns_ttl_long_for_failover import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_


def _zones(ttl: int) -> Build:
    return with_(
        svc("route53_zone", None, "dns", routing_policy="failover", ttl_seconds=ttl),
        svc("route53_zone", None, "static", routing_policy="simple", ttl_seconds=86400),
    )


CASE = Case(
    ok=_zones(60),
    bad=_zones(3600),
    expected=[
        (
            ("dns",),
            "“Dns” uses failover routing with a 3,600 s TTL: after a failover, clients keep the old answer that long",
        )
    ],
)


def test_rel_dns_ttl_long_for_failover() -> None:
    check_case(RULE, CASE)
