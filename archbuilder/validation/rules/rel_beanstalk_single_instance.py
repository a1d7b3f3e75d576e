"""A production Elastic Beanstalk web environment that may run a single instance."""

from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, is_production, label


def _min_size(node: ServiceNode) -> int:
    value = node.properties.get("min_size", 1)
    return value if isinstance(value, int) else 1


RULE = Rule(
    id="REL-033",
    title="Single-instance Elastic Beanstalk environment",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("003", "- Use Auto Scaling and ELB to assure high availability"),
    description="A web environment stays available through Auto Scaling and a load balancer across AZs; with a "
    "minimum of one instance, one instance or AZ failure takes the application down until a replacement boots.",
    remediation="Set the environment's minimum size to 2 or more (load-balanced, across AZs).",
    check=each_service(
        ("elastic_beanstalk",),
        lambda node, graph: (
            is_production(graph)
            and node.properties.get("tier", "WebServer") == "WebServer"
            and _min_size(node) < 2
        ),
        lambda node, graph: f"{label(node)} may run on a single instance (minimum size {_min_size(node)})",
    ),
    applies_to=("elastic_beanstalk",),
    tags=("compute", "availability"),
    wa_best_practice="REL10-BP01",
    checked="2026-11-22",
)
