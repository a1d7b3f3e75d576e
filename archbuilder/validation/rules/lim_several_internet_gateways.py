"""A VPC with more than one internet gateway."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    by_vpc: dict[str, list[ServiceNode]] = {}
    for gateway in services_of_type(graph, "internet_gateway"):
        vpc_id = graph.placements[gateway.id].vpc_id
        if vpc_id is not None:
            by_vpc.setdefault(vpc_id, []).append(gateway)
    return [
        rule.finding(
            gateways,
            f"VPC “{graph.architecture.node(vpc_id).label}” has {len(gateways)} internet gateways; a VPC takes one",
        )
        for vpc_id, gateways in sorted(by_vpc.items())
        if len(gateways) > 1
    ]


RULE = Rule(
    id="LIM-011",
    title="More than one internet gateway in a VPC",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("002", "Internet Gateway"),
    description="A VPC can have only one internet gateway attached; a second one cannot be attached and the design "
    "will not deploy.",
    remediation="Keep a single internet gateway per VPC; every public subnet routes to it.",
    check=check,
    applies_to=("internet_gateway",),
    tags=("limits", "network"),
    wa_best_practice="REL01-BP03",
    checked="2026-11-22",
)
