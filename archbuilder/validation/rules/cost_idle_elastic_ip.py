"""Elastic IP not attached to anything."""

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="COST-002",
    title="Idle Elastic IP",
    severity=Severity.WARNING,
    pillar=Pillar.COST_OPTIMIZATION,
    source=cite("000", "Elastic IP Tips"),
    description="An Elastic IP not attached to an active resource is charged by the hour.",
    remediation="Attach the Elastic IP to an instance or NAT gateway, or release it.",
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
)
