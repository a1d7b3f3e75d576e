"""Public subnets or internet-facing services in a VPC without an internet gateway."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type, vpcs_with
from archbuilder.model import SubnetTier
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    with_gateway = vpcs_with(graph, "internet_gateway")
    for vpc in graph.vpcs:
        if vpc.id in with_gateway:
            continue
        public = [n for n in graph.subnets_by_vpc.get(vpc.id, []) if n.tier is SubnetTier.PUBLIC]
        if not public:
            continue
        users = [
            s
            for s in services_of_type(graph, "nat_gateway", "alb", "nlb", "clb", "ec2_instance")
            if graph.placements[s.id].vpc_id == vpc.id and SubnetTier.PUBLIC in graph.placements[s.id].tiers
        ]
        findings.append(
            rule.finding(
                users,
                f"VPC “{vpc.label}” has public subnets ({', '.join(sorted(s.label for s in public))}) but no internet gateway",
            )
        )
    return findings


RULE = Rule(
    id="REL-014",
    title="Public subnet without internet gateway",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("002", "Internet Gateway"),
    description="A subnet is public only through a route to an internet gateway attached to the VPC; without one, "
    "nothing in it is reachable from the internet and NAT gateways cannot work.",
    remediation="Add an internet gateway to the VPC (the exporters route public subnets to it).",
    check=check,
    applies_to=("internet_gateway", "subnet"),
    tags=("network",),
    wa_best_practice="REL02-BP01",
    checked="2026-11-22",
)
