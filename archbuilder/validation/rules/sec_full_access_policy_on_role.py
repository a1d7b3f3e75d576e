"""An IAM role given a service's full-access managed policy."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label

# AWS managed policies granting every action of a service (AmazonS3FullAccess, AmazonDynamoDBFullAccess, ...);
# AdministratorAccess and PowerUserAccess have their own rule.
READ_WRITE_ALL = {"SecretsManagerReadWrite"}


def _broad(arn: object) -> str | None:
    if not isinstance(arn, str) or ":aws:policy/" not in arn:
        return None  # customer managed policies are written for the role
    name = arn.rsplit("/", 1)[-1]
    return name if name.endswith("FullAccess") or name in READ_WRITE_ALL else None


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for role in services_of_type(graph, "iam_role"):
        broad = sorted(
            {name for arn in role.properties.get("managed_policy_arns") or [] if (name := _broad(arn))}
        )
        if broad:
            findings.append(
                rule.finding(
                    role,
                    f"{label(role)} is granted full access through {', '.join(broad)}; its workload needs only the "
                    "actions and resources it uses",
                )
            )
    return findings


RULE = Rule(
    id="SEC-030",
    title="Role with a full-access policy",
    severity=Severity.INFO,
    pillar=Pillar.SECURITY,
    effort=Effort.LOW,
    source=cite(
        "003",
        "- Principle of Least Privilege - grant only secretsmanager:GetSecretValue access to application",
    ),
    description="Application roles should get only the actions and resources they use (for secrets, just "
    "GetSecretValue on their own secrets); AWS's *FullAccess managed policies allow every action of a service on "
    "every resource of the account, so a compromised workload can read or delete far more than its own data.",
    remediation="Replace the managed policy with one naming the actions and resources the workload uses (the "
    "connections drawn from the service it is attached to show which).",
    check=check,
    applies_to=("iam_role",),
    tags=("identity",),
    wa_best_practice="SEC03-BP02",
    checked="2026-11-23",
)
