"""A secret kept as a Parameter Store SecureString, which is never rotated."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="SEC-025",
    title="Secret in Parameter Store without rotation",
    severity=Severity.INFO,
    pillar=Pillar.SECURITY,
    effort=Effort.MEDIUM,
    source=cite("002", "Parameter Store"),
    description="Parameter Store keeps SecureString values encrypted but offers no rotation; credentials such as "
    "database passwords that should change regularly belong in Secrets Manager, which rotates them.",
    remediation="Move credentials to Secrets Manager with rotation on; keep Parameter Store for configuration.",
    check=each_service(
        ("ssm_parameter",),
        lambda node, graph: node.properties.get("parameter_type") == "SecureString",
        lambda node, graph: f"{label(node)} holds a secret that Parameter Store never rotates",
    ),
    applies_to=("ssm_parameter",),
    tags=("identity", "secrets"),
    wa_best_practice="SEC02-BP05",
    checked="2026-11-22",
)
