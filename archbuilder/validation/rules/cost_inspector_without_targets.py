"""Amazon Inspector in a design with nothing it scans."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label

SCANNED = ("ec2_instance", "autoscaling_group", "eks_node_group", "ecr_repository", "lambda_function")


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    if services_of_type(graph, *SCANNED):
        return []
    return [
        rule.finding(
            node, f"{label(node)} has nothing to scan: the design has no instances, images or functions"
        )
        for node in services_of_type(graph, "inspector")
    ]


RULE = Rule(
    id="COST-024",
    title="Inspector with nothing to scan",
    severity=Severity.INFO,
    pillar=Pillar.COST_OPTIMIZATION,
    effort=Effort.LOW,
    source=cite("002", "Amazon Inspector"),
    description="Amazon Inspector assesses EC2 instances, container images in ECR and Lambda functions; in a "
    "design with none of them it finds nothing, and its place in the design suggests a protection that is not "
    "there.",
    remediation="Remove Inspector from this design, or add the instances, images or functions it is meant to scan.",
    check=check,
    applies_to=("inspector",),
    tags=("cost", "waste", "vulnerability"),
    wa_best_practice="COST04-BP03",
    checked="2026-12-06",
)
