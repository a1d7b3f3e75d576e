"""Secrets Manager secret that is never rotated."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="SEC-012",
    title="Secret never rotated",
    severity=Severity.INFO,
    pillar=Pillar.SECURITY,
    effort=Effort.MEDIUM,
    source=cite("002", "Secrets Manager"),
    description="Secrets Manager rotates credentials automatically, which reduces the risk of compromised credentials.",
    remediation="Set a rotation interval once the applications fetch the secret at run time instead of embedding it.",
    check=each_service(
        ("secrets_manager_secret",),
        lambda node, graph: node.properties.get("rotation_days") == 0,
        lambda node, graph: f"{label(node)} is never rotated",
    ),
    applies_to=("secrets_manager_secret",),
    tags=("identity", "secrets"),
    wa_best_practice="SEC02-BP05",
    checked="2026-11-22",
)
