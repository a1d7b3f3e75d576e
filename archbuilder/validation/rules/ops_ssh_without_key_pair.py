"""An instance that accepts SSH but has no key pair to log in with."""

from archbuilder.graph.queries import effective_ingress, rule_covers_port
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

SSH = 22

RULE = Rule(
    id="OPS-010",
    title="SSH open but no key pair",
    severity=Severity.INFO,
    pillar=Pillar.OPERATIONAL_EXCELLENCE,
    effort=Effort.HIGH,
    source=cite("003", "To securely connect to EC2 instance using SSH you need to create SSH key pair"),
    description="Connecting to an instance over SSH needs a key pair chosen at launch; an instance that opens port "
    "22 without one cannot be logged into that way, so the open port only adds exposure.",
    remediation="Set a key pair on the instance, or close port 22 and use Session Manager.",
    check=each_service(
        ("ec2_instance",),
        lambda node, graph: (
            not node.properties.get("key_name")
            and any(rule_covers_port(entry, SSH) for entry in effective_ingress(graph, node))
        ),
        lambda node, graph: f"{label(node)} opens SSH but has no key pair",
    ),
    applies_to=("ec2_instance",),
    tags=("compute", "access"),
    wa_best_practice="OPS07-BP02",
    checked="2026-11-22",
)
