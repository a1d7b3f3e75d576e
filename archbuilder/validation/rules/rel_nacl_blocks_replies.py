"""A network ACL that admits traffic in but lets no reply out."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="REL-036",
    title="Network ACL without outbound rules for replies",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("002", "Network Access Control Lists"),
    description="Network ACLs are stateless: return traffic must be allowed explicitly, so inbound allow rules "
    "without matching outbound rules let requests in but drop every reply.",
    remediation="Allow outbound traffic (at least the ephemeral ports 1024-65535) alongside the inbound rules.",
    check=each_service(
        ("network_acl",),
        lambda node, graph: (
            bool(node.properties.get("allow_inbound")) and node.properties.get("allow_all_outbound") is False
        ),
        lambda node, graph: f"{label(node)} allows inbound traffic but no outbound replies",
    ),
    applies_to=("network_acl",),
    tags=("network",),
    wa_best_practice="SEC05-BP02",
    checked="2026-11-22",
)
