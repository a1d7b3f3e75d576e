"""A SageMaker endpoint that cannot scale: its maximum instance count is not above its initial count."""

from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label


def _fixed(node: ServiceNode) -> bool:
    count, most = node.properties.get("instance_count"), node.properties.get("max_instance_count")
    return isinstance(count, int) and isinstance(most, int) and most <= count


RULE = Rule(
    id="SUS-004",
    title="Model endpoint without auto scaling",
    severity=Severity.INFO,
    pillar=Pillar.SUSTAINABILITY,
    effort=Effort.LOW,
    source=cite("002", "Autoscaling SageMaker Models -"),
    description="Autoscaling adds and removes instances of a production variant as the workload changes, with a "
    "policy on a CloudWatch metric such as invocations per instance; without it the endpoint keeps every instance "
    "running (often costly ML instances) whatever the traffic.",
    remediation="Set a maximum instance count above the initial count and a target on invocations per instance, "
    "so the endpoint scales with its traffic.",
    check=each_service(
        ("sagemaker_endpoint",),
        lambda node, graph: _fixed(node),
        lambda node, graph: (
            f"{label(node)} keeps {node.properties.get('instance_count')} instance(s) running whatever the "
            "invocation rate: its maximum instance count leaves no room to scale"
        ),
    ),
    applies_to=("sagemaker_endpoint",),
    tags=("scaling",),
    wa_best_practice="SUS02-BP01",
    checked="2026-11-23",
)
