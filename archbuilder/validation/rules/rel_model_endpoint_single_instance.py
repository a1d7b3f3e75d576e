"""A production SageMaker endpoint served by one instance."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, is_production, label
from archbuilder.validation.rules._links import count

RULE = Rule(
    id="REL-064",
    title="Model endpoint on a single instance",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("002", "Autoscaling SageMaker Models -"),
    description="A SageMaker endpoint spreads its instances over Availability Zones only when it has two or more; "
    "with one, an instance or AZ failure stops every inference until a replacement starts.",
    remediation="Run at least two instances for production endpoints (and let autoscaling add more with load).",
    check=each_service(
        ("sagemaker_endpoint",),
        lambda node, graph: is_production(graph) and count(node.properties.get("instance_count"), 1) < 2,
        lambda node, graph: f"{label(node)} serves production inferences from one instance in one AZ",
    ),
    applies_to=("sagemaker_endpoint",),
    tags=("availability", "multi-az"),
    wa_best_practice="REL10-BP01",
    checked="2026-12-06",
)
