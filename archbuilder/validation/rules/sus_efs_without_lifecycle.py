"""An EFS file system that never moves cold files to the Infrequent Access class."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="SUS-006",
    title="EFS without lifecycle management",
    severity=Severity.INFO,
    pillar=Pillar.SUSTAINABILITY,
    effort=Effort.LOW,
    source=cite(
        "003", "- Use Lifecycle Manager for automatic data transfer to IA storage class after e.g. 30/60/90"
    ),
    description="EFS offers an Infrequent Access storage class for rarely used data; lifecycle management moves "
    "files there after 30, 60 or 90 days without access. With it turned off every file stays in the Standard class "
    "for good.",
    remediation="Set a transition to Infrequent Access (e.g. after 30 days) on the file system.",
    check=each_service(
        ("efs_file_system",),
        lambda node, graph: node.properties.get("transition_to_ia") == "NONE",
        lambda node, graph: (
            f"{label(node)} keeps every file in the Standard class: no transition to Infrequent Access"
        ),
    ),
    applies_to=("efs_file_system",),
    tags=("storage", "lifecycle"),
    wa_best_practice="SUS04-BP03",
    checked="2026-11-23",
)
