"""An EFS file system used by a single client."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label

# A single instance or function; a scaling group or service is many clients.
SINGLE = {"ec2_instance", "lambda_function"}


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for files in services_of_type(graph, "efs_file_system"):
        clients = {
            c.source_id if c.target_id == files.id else c.target_id for c in graph.connections_of(files.id)
        }
        if len(clients) != 1:
            continue
        client = graph.architecture.service(next(iter(clients)))
        if client.type in SINGLE:
            findings.append(
                rule.finding(
                    [files, client],
                    f"{label(files)} is used only by {label(client)}; EFS costs about three times gp2 EBS",
                )
            )
    return findings


RULE = Rule(
    id="COST-013",
    title="EFS file system with a single client",
    severity=Severity.INFO,
    pillar=Pillar.COST_OPTIMIZATION,
    effort=Effort.HIGH,
    source=cite("000", "EFS Basics"),
    description="EFS is priced on data stored at about three times general-purpose EBS; its value is sharing files "
    "between many clients, so data only one instance uses is cheaper on an EBS volume.",
    remediation="Keep the data on an EBS volume of the instance, or share the file system with the other clients "
    "that need it.",
    check=check,
    applies_to=("efs_file_system", "ec2_instance", "lambda_function"),
    tags=("cost", "storage"),
    wa_best_practice="COST05-BP03",
    checked="2026-11-22",
)
