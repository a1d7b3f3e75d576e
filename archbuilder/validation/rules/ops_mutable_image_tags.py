"""A production container registry that lets tags be overwritten."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, is_production, label

RULE = Rule(
    id="OPS-004",
    title="Mutable image tags in production",
    severity=Severity.WARNING,
    pillar=Pillar.OPERATIONAL_EXCELLENCE,
    effort=Effort.LOW,
    source=cite("003", "- Use Immutable Tags for production environments"),
    description="With mutable tags a push can silently replace the image behind a tag that production already "
    "runs, so what is deployed no longer matches what was tested; immutable tags keep every tag pinned.",
    remediation="Set the repository's tag mutability to IMMUTABLE and tag each build uniquely (e.g. the commit).",
    check=each_service(
        ("ecr_repository",),
        lambda node, graph: is_production(graph) and node.properties.get("image_tag_mutability") == "MUTABLE",
        lambda node, graph: f"{label(node)} lets pushes overwrite existing image tags",
    ),
    applies_to=("ecr_repository",),
    tags=("deployment", "containers"),
    wa_best_practice="OPS05-BP04",
    checked="2026-11-22",
)
