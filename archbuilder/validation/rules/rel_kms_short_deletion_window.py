"""A KMS key that can be gone a week after someone schedules its deletion."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label
from archbuilder.validation.rules._links import count

RULE = Rule(
    id="REL-085",
    title="KMS key with the shortest deletion window",
    severity=Severity.INFO,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("000", "KMS Gotchas and Limitations"),
    description="Data encrypted under a deleted KMS key can never be decrypted again; KMS waits a pending window "
    "(7 to 30 days) before deleting a key, so a mistaken or malicious deletion can be cancelled. Seven days leaves "
    "the least time to notice.",
    remediation="Keep the 30-day deletion window, and alarm on ScheduleKeyDeletion calls in CloudTrail.",
    check=each_service(
        ("kms_key",),
        lambda node, graph: count(node.properties.get("deletion_window_days"), 30) < 30,
        lambda node, graph: (
            f"{label(node)} is deleted {count(node.properties.get('deletion_window_days'), 30)} days "
            "after deletion is scheduled, and with it everything it encrypts"
        ),
    ),
    applies_to=("kms_key",),
    tags=("encryption", "backup"),
    wa_best_practice="REL09-BP02",
    checked="2026-12-06",
)
