"""Several NAT gateways in a VPC of a non-production design."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import internet_nat_gateways
from archbuilder.model import Environment, ServiceNode
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    if graph.architecture.metadata.environment is Environment.PRODUCTION:
        return []
    by_vpc: dict[str, list[ServiceNode]] = {}
    for nat in internet_nat_gateways(graph):
        vpc_id = graph.placements[nat.id].vpc_id
        if vpc_id is not None:
            by_vpc.setdefault(vpc_id, []).append(nat)
    return [
        rule.finding(
            nats,
            f"The {graph.architecture.metadata.environment.value} VPC “{graph.architecture.node(vpc_id).label}” pays "
            f"for {len(nats)} NAT gateways; one is enough outside production",
        )
        for vpc_id, nats in sorted(by_vpc.items())
        if len(nats) > 1
    ]


RULE = Rule(
    id="COST-028",
    title="A NAT gateway per AZ outside production",
    severity=Severity.INFO,
    pillar=Pillar.COST_OPTIMIZATION,
    effort=Effort.MEDIUM,
    source=cite("003", "- Minimize Costs - use NAT Gateways only when internet access from private subnet"),
    description="A NAT gateway per AZ keeps each AZ's egress independent, which production needs; each one is "
    "billed by the hour and per GB. A development or test VPC can share one and accept losing egress with its AZ.",
    remediation="Use one NAT gateway for the non-production VPC (or none, with VPC endpoints), and keep one per AZ "
    "for production.",
    check=check,
    applies_to=("nat_gateway",),
    tags=("cost", "network", "egress"),
    wa_best_practice="COST06-BP02",
    checked="2026-12-06",
)
