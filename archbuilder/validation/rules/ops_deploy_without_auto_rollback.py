"""A CodeDeploy application whose failed deployments are not rolled back automatically."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="OPS-013",
    title="Deployments without automatic rollback",
    severity=Severity.WARNING,
    pillar=Pillar.OPERATIONAL_EXCELLENCE,
    effort=Effort.LOW,
    source=cite("004", "Deployment monitorin & automatic rollback"),
    description="CodeDeploy can roll a deployment back automatically when it fails or when a CloudWatch alarm "
    "fires, redeploying the last known working version; without it someone has to notice the failure and start a "
    "new deployment by hand while the broken version serves traffic.",
    remediation="Turn on automatic rollback on deployment failure (and on alarm, with alarms on the application's "
    "error rate).",
    check=each_service(
        ("codedeploy_app",),
        lambda node, graph: node.properties.get("auto_rollback") is False,
        lambda node, graph: f"{label(node)} leaves a failed deployment in place: automatic rollback is off",
    ),
    applies_to=("codedeploy_app",),
    tags=("deployment",),
    wa_best_practice="OPS06-BP04",
    checked="2026-11-23",
)
