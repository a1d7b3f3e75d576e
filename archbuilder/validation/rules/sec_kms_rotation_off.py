"""KMS key without automatic rotation."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="SEC-011",
    title="KMS key rotation off",
    severity=Severity.WARNING,
    pillar=Pillar.SECURITY,
    effort=Effort.LOW,
    source=cite("002", "Key Rotation -"),
    description="KMS can rotate keys it generated automatically every year; without it the same key material protects data indefinitely.",
    remediation="Turn on automatic key rotation.",
    check=each_service(
        ("kms_key",),
        lambda node, graph: node.properties.get("key_rotation") is False,
        lambda node, graph: f"{label(node)} has automatic rotation turned off",
    ),
    applies_to=("kms_key",),
    tags=("encryption",),
    wa_best_practice="SEC08-BP01",
    checked="2026-11-22",
)
