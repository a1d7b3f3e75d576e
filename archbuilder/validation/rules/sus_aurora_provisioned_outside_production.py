"""A provisioned Aurora cluster in a development or staging design."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, is_production, label

RULE = Rule(
    id="SUS-009",
    title="Provisioned Aurora outside production",
    severity=Severity.INFO,
    pillar=Pillar.SUSTAINABILITY,
    effort=Effort.MEDIUM,
    source=cite("002", "Amazon Aurora Serverless"),
    description="Aurora Serverless adjusts capacity to the application's demand, with a minimum that can be zero, "
    "and is billed only for what the cluster consumes; development and testing of new features is one of its "
    "popular use cases. Provisioned instances in such an environment run at full size through idle hours.",
    remediation="Use the serverless v2 capacity mode with a low minimum (0 or 0.5 ACU) for development and staging "
    "clusters.",
    check=each_service(
        ("aurora_cluster",),
        lambda node, graph: (
            not is_production(graph) and node.properties.get("capacity_mode") == "provisioned"
        ),
        lambda node, graph: (
            f"{label(node)} keeps {node.properties.get('instance_count', 1)} provisioned instance(s) running in a "
            f"{graph.architecture.metadata.environment.value} design"
        ),
    ),
    applies_to=("aurora_cluster",),
    tags=("database", "serverless"),
    wa_best_practice="SUS02-BP01",
    checked="2026-11-23",
)
