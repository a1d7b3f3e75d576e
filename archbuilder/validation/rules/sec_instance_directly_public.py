"""EC2 instance serving the internet directly instead of through a load balancer."""

from archbuilder.graph.queries import directly_exposed
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="SEC-013",
    title="Instance exposed directly to the internet",
    severity=Severity.WARNING,
    pillar=Pillar.SECURITY,
    effort=Effort.HIGH,
    source=cite("000", "Elastic IP Tips"),
    description="An instance with a public address and world-open ports is the whole attack surface and a single "
    "point of failure; the guide prefers a load balancer in front, even for one server.",
    remediation="Put the instance in a private subnet behind an Application Load Balancer that alone is internet facing.",
    check=each_service(
        ("ec2_instance",),
        lambda node, graph: directly_exposed(graph, node.id),
        lambda node, graph: f"{label(node)} accepts connections straight from the internet",
    ),
    applies_to=("ec2_instance",),
    tags=("exposure", "compute"),
    wa_best_practice="SEC05-BP01",
    checked="2026-11-22",
)
