"""A container that runs whatever image is tagged latest (or carries no tag)."""

from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label


def _floating_tag(node: ServiceNode) -> bool:
    image = str(node.properties.get("image") or "")
    if not image or "@sha256:" in image:
        return False
    name = image.rsplit("/", 1)[-1]
    return ":" not in name or name.endswith(":latest")


RULE = Rule(
    id="OPS-007",
    title="Container image tagged latest",
    severity=Severity.WARNING,
    pillar=Pillar.OPERATIONAL_EXCELLENCE,
    effort=Effort.LOW,
    source=cite("003", "- Avoid latest tag to keep it consistent"),
    description="The latest tag (or no tag, which means latest) points at a different image after every push, so "
    "tasks started at different times run different code and a rollback has nothing fixed to return to.",
    remediation="Reference a fixed tag (a version or the commit) or an image digest.",
    check=each_service(
        ("ecs_service", "fargate_task"),
        lambda node, graph: _floating_tag(node),
        lambda node, graph: (
            f"{label(node)} runs {node.properties.get('image')}, whose content changes with every push"
        ),
    ),
    applies_to=("ecs_service", "fargate_task"),
    tags=("deployment", "containers"),
    wa_best_practice="OPS05-BP04",
    checked="2026-11-22",
)
