"""More than five VPCs in one region."""

from archbuilder.graph import ArchGraph
from archbuilder.model import RegionNode, VpcNode
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    # The graph's containers: regions and VPCs without visiting the regional services beside them.
    for region in sorted((n for n in graph.containers if isinstance(n, RegionNode)), key=lambda n: n.id):
        vpcs = [c for c in graph.containers if isinstance(c, VpcNode) and c.parent_id == region.id]
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
    effort=Effort.LOW,
    source=cite("001", "A VPC is built from a number of parts"),
    description="An account can define 5 VPCs in a region by default; more need a quota increase before deployment.",
    remediation="Request a VPC quota increase for the region, or consolidate VPCs.",
    check=check,
    applies_to=("vpc",),
    tags=("limits", "quota", "network"),
    wa_best_practice="REL01-BP01",
    checked="2026-11-22",
)
