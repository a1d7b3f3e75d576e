"""A DynamoDB table with provisioned capacity in a development or staging design."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, is_production, label

RULE = Rule(
    id="SUS-012",
    title="Provisioned DynamoDB capacity outside production",
    severity=Severity.INFO,
    pillar=Pillar.SUSTAINABILITY,
    effort=Effort.LOW,
    source=cite("003", "- On-Demand - auto-scaling, pay-per-request"),
    description="Provisioned capacity reserves read and write units whether or not requests come; on-demand mode "
    "scales with the requests and is paid per request. The sporadic traffic of development and staging tables "
    "leaves provisioned units idle most of the time.",
    remediation="Use on-demand (PAY_PER_REQUEST) billing for development and staging tables.",
    check=each_service(
        ("dynamodb_table",),
        lambda node, graph: not is_production(graph) and node.properties.get("billing_mode") == "PROVISIONED",
        lambda node, graph: (
            f"{label(node)} reserves {node.properties.get('read_capacity')} read and "
            f"{node.properties.get('write_capacity')} write units in a "
            f"{graph.architecture.metadata.environment.value} design"
        ),
    ),
    applies_to=("dynamodb_table",),
    tags=("database", "scaling"),
    wa_best_practice="SUS02-BP01",
    checked="2026-11-23",
)
