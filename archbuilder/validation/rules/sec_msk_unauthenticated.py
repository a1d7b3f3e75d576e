"""An MSK cluster that lets clients in without authenticating them."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="SEC-045",
    title="Kafka clients not authenticated",
    severity=Severity.WARNING,
    pillar=Pillar.SECURITY,
    effort=Effort.MEDIUM,
    source=cite("002", "Security and Logging -"),
    description="MSK authenticates Kafka clients with IAM, TLS certificates or SASL/SCRAM; with unauthenticated "
    "access any client that reaches a broker may produce to and consume from every topic, and IAM policies "
    "cannot say who does what.",
    remediation="Turn on IAM (or TLS or SASL/SCRAM) client authentication and turn unauthenticated access off.",
    check=each_service(
        ("msk_cluster",),
        lambda node, graph: node.properties.get("client_authentication") == "unauthenticated",
        lambda node, graph: f"{label(node)} accepts Kafka clients without authentication",
    ),
    applies_to=("msk_cluster",),
    tags=("streaming", "identity", "access"),
    wa_best_practice="SEC03-BP02",
    checked="2026-12-06",
)
