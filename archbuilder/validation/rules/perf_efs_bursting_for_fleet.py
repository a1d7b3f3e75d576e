"""An EFS file system in bursting mode shared by a scaling fleet."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import linked

FLEETS = {"autoscaling_group", "ecs_service", "fargate_task", "eks_node_group", "batch_compute_environment"}


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for fs in services_of_type(graph, "efs_file_system"):
        if fs.properties.get("throughput_mode", "bursting") != "bursting":
            continue
        fleets = [n for n in linked(graph, fs, direction="in") if n.type in FLEETS]
        if fleets:
            findings.append(
                rule.finding(
                    [fs, *fleets],
                    f"{label(fs)} uses bursting throughput, which grows with the data stored, for "
                    f"{', '.join(label(f) for f in fleets)}, which grows with load",
                )
            )
    return findings


RULE = Rule(
    id="PERF-021",
    title="Bursting file system for a scaling fleet",
    severity=Severity.INFO,
    pillar=Pillar.PERFORMANCE_EFFICIENCY,
    effort=Effort.LOW,
    source=cite("000", "EFS Tips"),
    description="In bursting mode EFS throughput scales with the amount stored, spending burst credits above the "
    "baseline; a fleet that scales out with load reads and writes more while the data stays small, runs the "
    "credits down and is throttled to the baseline.",
    remediation="Use Elastic throughput (pay per use, scales with the clients) or provisioned throughput, and alarm "
    "on BurstCreditBalance while bursting.",
    check=check,
    applies_to=("efs_file_system", "autoscaling_group", "ecs_service"),
    tags=("storage", "scaling"),
    wa_best_practice="PERF03-BP02",
    checked="2026-12-06",
)
