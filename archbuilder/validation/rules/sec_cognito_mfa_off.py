"""Cognito user pool with MFA turned off."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="SEC-014",
    title="User pool without MFA",
    severity=Severity.INFO,
    pillar=Pillar.SECURITY,
    effort=Effort.LOW,
    source=cite("000", "Security and IAM Tips"),
    description="The guide says to enable MFA, and the sooner the better: adding it once there are many users is extra work.",
    remediation="Set MFA to optional or required on the user pool.",
    check=each_service(
        ("cognito_user_pool",),
        lambda node, graph: node.properties.get("mfa") == "OFF",
        lambda node, graph: f"{label(node)} has MFA turned off",
    ),
    applies_to=("cognito_user_pool",),
    tags=("identity",),
    wa_best_practice="SEC02-BP01",
    checked="2026-11-22",
)
