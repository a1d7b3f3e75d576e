"""A cache, search domain or broker that accepts unencrypted connections."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="SEC-021",
    title="No encryption in transit",
    severity=Severity.WARNING,
    pillar=Pillar.SECURITY,
    effort=Effort.MEDIUM,
    source=cite("003", "- As you should always, encrypt data (with KMS) and use SSL/TLS for connections"),
    description="Data stores should be reached over SSL/TLS as well as encrypted at rest; with in-transit "
    "encryption off, anything on the network path can read the data and credentials sent to them.",
    remediation="Turn on in-transit encryption (TLS) and make the clients connect with TLS.",
    check=each_service(
        ("elasticache_cluster", "dax_cluster", "opensearch_domain", "msk_cluster"),
        lambda node, graph: node.properties.get("transit_encryption") is False,
        lambda node, graph: f"{label(node)} accepts connections without TLS",
    ),
    applies_to=("elasticache_cluster", "dax_cluster", "opensearch_domain", "msk_cluster"),
    tags=("encryption", "tls"),
    wa_best_practice="SEC09-BP02",
    checked="2026-11-22",
)
