"""A scaling group whose minimum, desired and maximum sizes contradict each other."""

from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_problem, label

SCALED = ("autoscaling_group", "eks_node_group", "elastic_beanstalk")


def _size(node: ServiceNode, name: str) -> int | None:
    value = node.properties.get(name)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _problem(node: ServiceNode) -> str | None:
    low, high, desired = _size(node, "min_size"), _size(node, "max_size"), _size(node, "desired_capacity")
    if low is not None and high is not None and low > high:
        return f"{label(node)} has a minimum size of {low} above its maximum of {high}"
    if desired is None:
        return None
    if low is not None and desired < low:
        return f"{label(node)} wants {desired} instances, below its minimum of {low}"
    if high is not None and desired > high:
        return f"{label(node)} wants {desired} instances, above its maximum of {high}"
    return None


check = each_problem(SCALED, _problem)


RULE = Rule(
    id="LIM-027",
    title="Scaling sizes out of order",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("003", "- Auto Scaling Group - group of instances that are managed by Auto Scaling"),
    description="An Auto Scaling group keeps its running instances between a minimum and a maximum, starting from "
    "the desired number; a minimum above the maximum, or a desired size outside the range, is rejected when the "
    "group is created or updated.",
    remediation="Order the sizes so that minimum ≤ desired ≤ maximum.",
    check=check,
    applies_to=("autoscaling_group", "eks_node_group", "elastic_beanstalk"),
    tags=("limits", "scaling"),
    wa_best_practice="REL01-BP03",
    checked="2026-11-23",
)
