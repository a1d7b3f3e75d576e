"""An ECR repository with no lifecycle policy, so old images pile up."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="SUS-007",
    title="Container repository without a lifecycle policy",
    severity=Severity.INFO,
    pillar=Pillar.SUSTAINABILITY,
    effort=Effort.LOW,
    source=cite("003", "- Lifecycle Policies - automatic images deletion (e.g. keep last 10 tags"),
    description="Lifecycle policies delete images automatically (keep the last 10 tags, delete images older than "
    "30 days); without one every image ever pushed stays stored, although only the last few are deployed.",
    remediation="Set a lifecycle policy that keeps the last N images (e.g. 10 or 30).",
    check=each_service(
        ("ecr_repository",),
        lambda node, graph: not node.properties.get("lifecycle_keep_last"),
        lambda node, graph: f"{label(node)} keeps every image ever pushed: no lifecycle policy",
    ),
    applies_to=("ecr_repository",),
    tags=("containers", "lifecycle"),
    wa_best_practice="SUS04-BP05",
    checked="2026-11-23",
)
