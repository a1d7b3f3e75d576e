"""An IAM role granted full administrator rights."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label

# AWS managed policies that allow every action (PowerUserAccess: everything but IAM and Organizations).
BROAD_POLICIES = ("AdministratorAccess", "PowerUserAccess")


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for role in services_of_type(graph, "iam_role"):
        arns = role.properties.get("managed_policy_arns") or []
        broad = sorted(
            {
                name
                for arn in arns
                if isinstance(arn, str)
                for name in BROAD_POLICIES
                if arn.rsplit("/", 1)[-1] == name
            }
        )
        if broad:
            findings.append(
                rule.finding(
                    role,
                    f"{label(role)} is granted {', '.join(broad)}, which allows nearly every action on every "
                    "resource",
                )
            )
    return findings


RULE = Rule(
    id="SEC-027",
    title="Role with administrator rights",
    severity=Severity.WARNING,
    pillar=Pillar.SECURITY,
    effort=Effort.LOW,
    source=cite("002", "The principle of least privilege"),
    description="Assign only the minimum privileges a principal needs to do its job; a role holding "
    "AdministratorAccess or PowerUserAccess lets whatever assumes it (or whoever compromises that service) do almost "
    "anything in the account.",
    remediation="Replace the policy with one that allows only the actions and resources the service uses (the "
    "connections drawn from it show which).",
    check=check,
    applies_to=("iam_role",),
    tags=("identity",),
    wa_best_practice="SEC03-BP02",
    checked="2026-11-23",
)
