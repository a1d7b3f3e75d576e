"""Elastic IP not attached to anything."""

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="COST-002",
    title="Idle Elastic IP",
    severity=Severity.WARNING,
    pillar=Pillar.COST_OPTIMIZATION,
    effort=Effort.LOW,
    source=cite("000", "Elastic IP Tips"),
    description="Every public IPv4 address is charged by the hour since February 2024, attached or not; an Elastic IP "
    "attached to nothing costs the same and serves no one.",
    remediation="Attach the Elastic IP to an instance, NAT gateway or Network Load Balancer that needs a fixed "
    "address, or release it.",
    check=each_service(
        ("elastic_ip",),
        lambda node, graph: (
            not any(
                c.kind is ConnectionKind.ATTACH and c.source_id == node.id
                for c in graph.connections_of(node.id)
            )
        ),
        lambda node, graph: f"{label(node)} is not attached to anything and is billed while idle",
    ),
    checked="2026-12-06",
    note="The guide says an Elastic IP is free while attached; since February 2024 every public IPv4 address is "
    "billed hourly, attached or idle.",
    applies_to=("elastic_ip",),
    tags=("cost", "waste", "network"),
    wa_best_practice="COST04-BP03",
)
