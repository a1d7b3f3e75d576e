"""An Auto Scaling group already running at its maximum size."""

from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label


def _sizes(node: ServiceNode) -> tuple[object, object]:
    return node.properties.get("desired_capacity"), node.properties.get("max_size")


RULE = Rule(
    id="REL-028",
    title="Scaling group with no room to grow",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("003", "- Maintain some instances free for unexpected traffic spikes"),
    description="A group whose desired capacity already equals its maximum cannot add a single instance when "
    "traffic spikes or an AZ fails; keep headroom between the usual size and the maximum.",
    remediation="Raise the maximum size above the desired capacity (e.g. double it) and scale on a load metric.",
    check=each_service(
        ("autoscaling_group",),
        lambda node, graph: isinstance(_sizes(node)[0], int) and _sizes(node)[0] == _sizes(node)[1],
        lambda node, graph: f"{label(node)} already runs {_sizes(node)[0]} instances, its maximum",
    ),
    applies_to=("autoscaling_group",),
    tags=("scaling", "compute"),
    wa_best_practice="REL07-BP01",
    checked="2026-11-22",
)
