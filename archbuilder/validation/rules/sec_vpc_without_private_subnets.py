"""A VPC that holds workloads but has no private subnet."""

from archbuilder.graph import ArchGraph
from archbuilder.model import SubnetTier
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for vpc in graph.vpcs:
        subnets = graph.subnets_by_vpc.get(vpc.id, [])
        if not subnets or any(subnet.tier is not SubnetTier.PUBLIC for subnet in subnets):
            continue
        services = [s for s in graph.services_by_vpc.get(vpc.id, []) if graph.placements[s.id].subnet_ids]
        if services:
            findings.append(
                rule.finding(
                    services, f"VPC “{vpc.label}” has only public subnets: every resource in it is exposed"
                )
            )
    return findings


RULE = Rule(
    id="SEC-023",
    title="VPC without private subnets",
    severity=Severity.WARNING,
    pillar=Pillar.SECURITY,
    effort=Effort.HIGH,
    source=cite("003", "- Divide on public and private subnets"),
    description="A VPC should be divided into public subnets for what must face the internet (load balancers, NAT) "
    "and private subnets for everything else; with public subnets only, every server and database has a route from "
    "the internet.",
    remediation="Add private subnets in each AZ and move application servers and data stores into them.",
    check=check,
    applies_to=("vpc", "subnet"),
    tags=("network", "exposure"),
    wa_best_practice="SEC05-BP01",
    checked="2026-11-22",
)
