"""An ECR repository that does not scan images when they are pushed."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="SEC-028",
    title="Images not scanned on push",
    severity=Severity.INFO,
    pillar=Pillar.SECURITY,
    effort=Effort.LOW,
    source=cite("002", "Features of Amazon ECR -"),
    description="Image scanning finds known software vulnerabilities in container images; a repository configured "
    "to scan on push checks every new image before it is deployed.",
    remediation="Turn on scan on push for the repository and review the findings before deploying an image.",
    check=each_service(
        ("ecr_repository",),
        lambda node, graph: node.properties.get("scan_on_push") is False,
        lambda node, graph: f"{label(node)} does not scan images for vulnerabilities when they are pushed",
    ),
    applies_to=("ecr_repository",),
    tags=("containers", "vulnerability"),
    wa_best_practice="SEC06-BP01",
    checked="2026-11-23",
)
