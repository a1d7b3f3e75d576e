"""A service CloudFormation has no resource type for, so a CloudFormation template cannot create it."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    # Decided per type present (a handful), not per service; imported `generic` resources carry their own type.
    missing = [t for t in graph.by_type if t != "generic" and not graph.catalog.get(t).cfn_types]
    if not missing:
        return []
    return [
        rule.finding(
            node,
            f"{label(node)} ({graph.service_type(node).short_name}) has no CloudFormation resource type: a "
            "CloudFormation template cannot create it",
        )
        for node in services_of_type(graph, *missing)
    ]


RULE = Rule(
    id="OPS-015",
    title="Service CloudFormation cannot create",
    severity=Severity.WARNING,
    pillar=Pillar.OPERATIONAL_EXCELLENCE,
    effort=Effort.MEDIUM,
    source=cite("002", "AWS CloudFormation"),
    description="CloudFormation provisions whole environments from a template, but not all AWS resources are "
    "supported; a service without a resource type has to be created by hand or by another tool, outside the "
    "stack's version control and rollbacks.",
    remediation="Export the design as Terraform (which covers it), or create it outside the stack and pass its "
    "identifier in as a parameter.",
    check=check,
    applies_to=("generic", "direct_connect", "glacier_vault", "storage_gateway", "cloudhsm_cluster"),
    tags=("deployment", "iac"),
    wa_best_practice="OPS05-BP03",
    checked="2026-11-23",
)
