"""An Auto Scaling group or Beanstalk environment whose minimum equals its maximum."""

from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label


def _fixed(node: ServiceNode) -> bool:
    low, high = node.properties.get("min_size"), node.properties.get("max_size")
    return isinstance(low, int) and isinstance(high, int) and high > 0 and low == high


RULE = Rule(
    id="SUS-002",
    title="Scaling group of fixed size",
    severity=Severity.INFO,
    pillar=Pillar.SUSTAINABILITY,
    effort=Effort.LOW,
    source=cite("000", "EC2 Cost Management"),
    description="A group whose minimum size equals its maximum runs the same number of instances at every hour, "
    "sized for the peak; dynamic Auto Scaling matches the cluster size (and its cost and energy) to the current "
    "resource requirements of the service.",
    remediation="Lower the minimum to what the quietest hour needs, keep the maximum for the peak and add a target "
    "tracking policy (e.g. 60 % average CPU) or a schedule.",
    check=each_service(
        ("autoscaling_group", "elastic_beanstalk"),
        lambda node, graph: _fixed(node),
        lambda node, graph: (
            f"{label(node)} always runs {node.properties.get('min_size')} instances: its minimum equals its maximum"
        ),
    ),
    applies_to=("autoscaling_group", "elastic_beanstalk"),
    tags=("scaling", "waste"),
    wa_best_practice="SUS02-BP01",
    checked="2026-11-23",
)
