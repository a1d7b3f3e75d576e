"""A Network Load Balancer without cross-zone balancing whose AZs hold different numbers of targets."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label


def _targets_per_zone(graph: ArchGraph, balancer_id: str) -> dict[str, int]:
    """Single-AZ targets (instances, IPs) per AZ of the balancer; groups spread over AZs balance themselves."""
    counts = dict.fromkeys(sorted(set(graph.placements[balancer_id].zones)), 0)
    for target_id in graph.flow.successors(balancer_id):
        if ConnectionKind.TRAFFIC not in graph.flow.edges[balancer_id, target_id]["kinds"]:
            continue
        zones = set(graph.placements[target_id].zones)
        if len(zones) == 1 and (zone := next(iter(zones))) in counts:
            counts[zone] += 1
    return counts


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for balancer in services_of_type(graph, "nlb"):
        if balancer.properties.get("cross_zone") is not False:
            continue
        counts = _targets_per_zone(graph, balancer.id)
        if len(counts) > 1 and any(counts.values()) and len(set(counts.values())) > 1:
            spread = ", ".join(f"{zone}: {count}" for zone, count in counts.items())
            findings.append(
                rule.finding(
                    balancer,
                    f"{label(balancer)} has cross-zone balancing off and uneven targets per AZ ({spread}); each AZ "
                    "gets the same share of connections, so the targets of the AZ with fewer of them take more load",
                )
            )
    return findings


RULE = Rule(
    id="REL-057",
    title="Uneven targets behind a zonal load balancer",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("002", "ELB Cross Zone Load Balancing"),
    description="With cross-zone load balancing disabled, each load balancer node distributes requests only across "
    "the targets in its own Availability Zone; unless every AZ holds about the same number of targets, the targets "
    "of the thinner AZ are overloaded, and losing one of them hurts more.",
    remediation="Put the same number of targets in each AZ (for example with an Auto Scaling group across the AZs), or "
    "turn cross-zone load balancing on.",
    check=check,
    applies_to=("nlb",),
    tags=("network", "multi-az"),
    wa_best_practice="REL10-BP01",
    checked="2026-11-23",
)
