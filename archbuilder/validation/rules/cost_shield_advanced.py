"""Shield Advanced subscription cost."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="COST-005",
    title="Shield Advanced is expensive",
    severity=Severity.INFO,
    pillar=Pillar.COST_OPTIMIZATION,
    effort=Effort.LOW,
    source=cite("002", "AWS Shield Advanced"),
    description="Shield Advanced costs USD 3,000 a month; Shield Standard already protects CloudFront, ELB and Route 53 for free.",
    remediation="Keep Shield Advanced only if the DDoS risk and response team justify the fixed monthly cost.",
    check=each_service(
        ("shield",),
        lambda node, graph: True,
        lambda node, graph: f"{label(node)} subscribes to Shield Advanced (USD 3,000 per month)",
    ),
    applies_to=("shield",),
    tags=("cost", "security"),
    wa_best_practice="COST05-BP03",
    checked="2026-11-22",
)
