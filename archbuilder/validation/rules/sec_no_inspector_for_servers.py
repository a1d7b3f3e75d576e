"""Production servers with nothing scanning them for vulnerabilities."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import is_production

SERVERS = ("ec2_instance", "autoscaling_group", "eks_node_group")


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    if not is_production(graph) or graph.by_type.get("inspector"):
        return []
    servers = services_of_type(graph, *SERVERS)
    if not servers:
        return []
    return [
        rule.finding(
            servers,
            "No Amazon Inspector scans the production servers for software vulnerabilities and unintended network "
            "exposure",
        )
    ]


RULE = Rule(
    id="SEC-041",
    title="Production servers without vulnerability scanning",
    severity=Severity.INFO,
    pillar=Pillar.SECURITY,
    effort=Effort.MEDIUM,
    source=cite("002", "Amazon Inspector"),
    description="Servers run an operating system and packages that age: Amazon Inspector automatically assesses "
    "EC2 instances (and container images and Lambda functions) for known vulnerabilities and deviations from best "
    "practice, and ranks the findings by severity.",
    remediation="Activate Amazon Inspector for EC2 (and ECR and Lambda) in the workload's accounts and regions, and "
    "route its findings to the team.",
    check=check,
    applies_to=("inspector", "ec2_instance", "autoscaling_group", "eks_node_group"),
    tags=("vulnerability", "compute"),
    wa_best_practice="SEC06-BP01",
    checked="2026-12-06",
)
