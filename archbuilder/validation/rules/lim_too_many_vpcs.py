"""More than five VPCs in one region."""

from archbuilder.graph import ArchGraph
from archbuilder.model import RegionNode, VpcNode
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Rule, cite


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    arch = graph.architecture
    findings = []
    for region in sorted((n for n in arch.nodes.values() if isinstance(n, RegionNode)), key=lambda n: n.id):
        vpcs = [c for c in arch.children(region.id) if isinstance(c, VpcNode)]
        if len(vpcs) > 5:
            vpcs.sort(key=lambda v: v.id)
            findings.append(
                rule.finding(
                    vpcs, f"Region “{region.label}” has {len(vpcs)} VPCs; the default quota is 5 per region"
                )
            )
    return findings


RULE = Rule(
    id="LIM-003",
    title="More than 5 VPCs in a region",
    severity=Severity.WARNING,
    pillar=Pillar.OPERATIONAL_EXCELLENCE,
    source=cite("001", "A VPC is built from a number of parts"),
    description="An account can define 5 VPCs in a region by default; more need a quota increase before deployment.",
    remediation="Request a VPC quota increase for the region, or consolidate VPCs.",
    check=check,
)
