"""A VPC with a small address range that leaves little room to add subnets."""

import ipaddress

from archbuilder.graph import ArchGraph
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite

RECOMMENDED_PREFIX = 16
SMALLEST_PREFIX = 28  # below /16 .. /28 is LIM-002


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for vpc in graph.vpcs:
        prefix = ipaddress.ip_network(vpc.cidr, strict=False).prefixlen
        if RECOMMENDED_PREFIX < prefix <= SMALLEST_PREFIX:
            addresses = 2 ** (32 - prefix)
            findings.append(
                rule.finding(
                    vpc,
                    f"VPC “{vpc.label}” has CIDR {vpc.cidr} ({addresses:,} addresses); a /16 leaves room to grow",
                )
            )
    return findings


RULE = Rule(
    id="REL-019",
    title="Small VPC address space",
    severity=Severity.INFO,
    pillar=Pillar.RELIABILITY,
    effort=Effort.HIGH,
    source=cite(
        "003", "- Plan address space - avoid address conflicts and ensure scalability, use large CIDR ranges"
    ),
    description="A VPC's primary CIDR cannot be resized; plan a large range (e.g. /16) and divide it into subnets so "
    "more AZs, tiers and services fit later.",
    remediation="Create the VPC with a /16 range (65,536 addresses) that does not overlap networks you may peer with.",
    check=check,
    applies_to=("vpc",),
    tags=("network",),
    wa_best_practice="REL02-BP03",
    checked="2026-11-22",
)
