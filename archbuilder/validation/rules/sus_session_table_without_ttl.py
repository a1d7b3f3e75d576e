"""A DynamoDB table of sessions with no time-to-live attribute, so expired sessions are never removed."""

from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label


def _holds_sessions(node: ServiceNode) -> bool:
    """Named after sessions (id, label or partition key): the guide's example of data that goes stale."""
    names = (node.id, node.label, str(node.properties.get("partition_key") or ""))
    return any("session" in name.lower() for name in names)


RULE = Rule(
    id="SUS-010",
    title="Session table without time to live",
    severity=Severity.INFO,
    pillar=Pillar.SUSTAINABILITY,
    effort=Effort.MEDIUM,
    source=cite("003", "- Use Time-to-Live (TTL) to automatically remove old data (user sessions)"),
    description="Time to live deletes items automatically once their expiry time has passed, at no cost; a table of "
    "user sessions without it keeps every session ever opened, stored and replicated for nothing.",
    remediation="Store an expiry timestamp on each item and name that attribute as the table's TTL attribute.",
    check=each_service(
        ("dynamodb_table",),
        lambda node, graph: (
            _holds_sessions(node) and not str(node.properties.get("ttl_attribute") or "").strip()
        ),
        lambda node, graph: f"{label(node)} holds sessions but has no TTL attribute to remove expired ones",
    ),
    applies_to=("dynamodb_table",),
    tags=("database", "lifecycle"),
    wa_best_practice="SUS04-BP05",
    checked="2026-11-23",
)
