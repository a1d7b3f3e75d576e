"""A production Elastic Beanstalk environment deployed all at once."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, is_production, label

RULE = Rule(
    id="REL-027",
    title="All-at-once deployments in production",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("003", "- All at Once - instant replacement of all instances, causes downtime"),
    description="An all-at-once deployment replaces every instance at the same time, so the application is down "
    "during each release and a bad version hits all users at once.",
    remediation="Deploy with Rolling with additional batch, Immutable or Traffic splitting instead.",
    check=each_service(
        ("elastic_beanstalk",),
        lambda node, graph: is_production(graph) and node.properties.get("deployment_policy") == "AllAtOnce",
        lambda node, graph: f"{label(node)} replaces all instances at once on every deployment",
    ),
    applies_to=("elastic_beanstalk",),
    tags=("deployment",),
    wa_best_practice="REL08-BP05",
    checked="2026-11-22",
)
