"""A load balancer sending traffic to a target in another region."""

from archbuilder.catalog import ConnectionKind, ServiceRole
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_with_role
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for balancer in services_with_role(graph, ServiceRole.LOAD_BALANCER):
        region = graph.placements[balancer.id].region
        for target_id in sorted(graph.flow.successors(balancer.id)):
            if ConnectionKind.TRAFFIC not in graph.flow.edges[balancer.id, target_id]["kinds"]:
                continue
            target_region = graph.placements[target_id].region
            if region and target_region and target_region != region:
                target = graph.architecture.service(target_id)
                findings.append(
                    rule.finding(
                        [balancer, target],
                        f"{label(balancer)} ({region}) sends traffic to {label(target)} in {target_region}; "
                        "load balancers do not balance across regions",
                    )
                )
    return findings


RULE = Rule(
    id="LIM-019",
    title="Load balancer target in another region",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("002", "ELB Advanced Features"),
    description="Load balancers are a regional service and do not balance load across regions; each region needs "
    "its own load balancer, with DNS (Route 53) or Global Accelerator choosing between regions.",
    remediation="Put a load balancer in the target's region and route between regions with Route 53 or Global "
    "Accelerator.",
    check=check,
    applies_to=("alb", "nlb", "clb"),
    tags=("limits", "network", "topology"),
    wa_best_practice="REL01-BP03",
    checked="2026-11-22",
)
