"""A NAT gateway in a VPC whose private subnets hold nothing that could use it."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.model import SubnetTier
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    arch = graph.architecture
    findings = []
    private_users: dict[str, bool] = {}
    for nat in services_of_type(graph, "nat_gateway"):
        vpc_id = graph.placements[nat.id].vpc_id
        if vpc_id is None:
            continue
        if vpc_id not in private_users:
            private_users[vpc_id] = any(
                subnet.tier is SubnetTier.PRIVATE and arch.has_children(subnet.id)
                for subnet in graph.subnets_by_vpc.get(vpc_id, [])
            )
        if not private_users[vpc_id]:
            vpc = arch.node(vpc_id)
            findings.append(
                rule.finding(
                    nat,
                    f"{label(nat)} is billed by the hour but no private subnet of VPC “{vpc.label}” uses it",
                )
            )
    return findings


RULE = Rule(
    id="COST-008",
    title="NAT gateway with nothing behind it",
    severity=Severity.WARNING,
    pillar=Pillar.COST_OPTIMIZATION,
    effort=Effort.LOW,
    source=cite("003", "- Minimize Costs - use NAT Gateways only when internet access from private subnet"),
    description="A NAT gateway is charged per hour whether or not traffic flows; it is only needed when something in "
    "a private subnet must reach the internet.",
    remediation="Remove the NAT gateway, or add it back when private subnets hold services that need outbound access.",
    check=check,
    applies_to=("nat_gateway",),
    tags=("cost", "waste", "network"),
    wa_best_practice="COST04-BP03",
    checked="2026-11-22",
)
