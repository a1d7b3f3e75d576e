"""VPC or subnet CIDR outside the sizes AWS allows (/16 to /28)."""

import ipaddress

from archbuilder.graph import ArchGraph
from archbuilder.model import SubnetNode, VpcNode
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    blocks = [n for n in graph.containers if isinstance(n, VpcNode | SubnetNode)]
    for node in sorted(blocks, key=lambda n: n.id):
        prefix = ipaddress.IPv4Network(node.cidr).prefixlen
        if not 16 <= prefix <= 28:
            what = "VPC" if isinstance(node, VpcNode) else "subnet"
            findings.append(
                rule.finding(node, f"{what} “{node.label}” has CIDR {node.cidr}; AWS allows /16 to /28")
            )
    return findings


RULE = Rule(
    id="LIM-002",
    title="CIDR block size out of range",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("002", "Subnets"),
    description="A subnet is a range of the VPC's addresses; AWS accepts VPC and subnet blocks from /16 (65,536 "
    "addresses) to /28 (16 addresses), and reserves five addresses in each subnet.",
    remediation="Choose a VPC block between /16 and /28 and subnets inside it of /28 or larger.",
    check=check,
    applies_to=("vpc", "subnet"),
    tags=("limits", "network"),
    wa_best_practice="REL02-BP03",
    note="The /16 to /28 range is AWS's (VPC quotas); the cited passage only says a CIDR block is chosen for the "
    "VPC and each subnet.",
    checked="2026-12-06",
)
