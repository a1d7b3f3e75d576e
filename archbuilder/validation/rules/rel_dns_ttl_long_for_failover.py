"""A DNS zone that fails over between targets but lets resolvers cache answers for long."""

from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

DYNAMIC_POLICIES = {"failover", "multivalue"}
MAXIMUM_SECONDS = 300


def _ttl(node: ServiceNode) -> int | None:
    value = node.properties.get("ttl_seconds")
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _slow(node: ServiceNode) -> bool:
    ttl = _ttl(node)
    return (
        node.properties.get("routing_policy") in DYNAMIC_POLICIES
        and ttl is not None
        and ttl > MAXIMUM_SECONDS
    )


RULE = Rule(
    id="REL-053",
    title="Long DNS TTL on failover records",
    severity=Severity.INFO,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("003", "- Adjust Time to Live (TTL) value, short (e.g. 60s) for dynamically changed domains"),
    description="Resolvers and clients cache a record for its TTL; records whose answer changes when a target fails "
    "(failover, multivalue) need a short TTL such as 60 s, or clients keep going to the failed target until their "
    "cached answer expires.",
    remediation="Lower the TTL of the zone's failover records to about 60 s.",
    check=each_service(
        ("route53_zone",),
        lambda node, graph: _slow(node),
        lambda node, graph: (
            f"{label(node)} uses {node.properties.get('routing_policy')} routing with a {_ttl(node):,} s TTL: after a "
            "failover, clients keep the old answer that long"
        ),
    ),
    applies_to=("route53_zone",),
    tags=("dns", "availability"),
    wa_best_practice="REL11-BP02",
    checked="2026-11-23",
)
