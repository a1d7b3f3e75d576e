"""An EBS volume attached to no instance."""

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="COST-009",
    title="EBS volume not attached to an instance",
    severity=Severity.WARNING,
    pillar=Pillar.COST_OPTIMIZATION,
    effort=Effort.LOW,
    source=cite("003", "- Remove unused resources - EBS volumes without EC2 assignment"),
    description="An EBS volume is billed for its provisioned size whether or not an instance uses it; volumes left "
    "without an EC2 assignment are a common forgotten cost.",
    remediation="Attach the volume to the instance that needs it (attach connection), or snapshot and delete it.",
    check=each_service(
        ("ebs_volume",),
        lambda node, graph: not any(c.kind is ConnectionKind.ATTACH for c in graph.connections_of(node.id)),
        lambda node, graph: f"{label(node)} is attached to no instance and is billed for its full size",
    ),
    applies_to=("ebs_volume",),
    tags=("cost", "waste", "storage"),
    wa_best_practice="COST04-BP03",
    checked="2026-11-22",
)
