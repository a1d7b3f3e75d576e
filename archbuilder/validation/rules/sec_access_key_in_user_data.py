"""An AWS access key written into an instance's user data."""

import re

from archbuilder.graph import ArchGraph
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label, user_data_scripts

# Access key ids: 20 upper-case characters, AKIA for long-term keys, ASIA for temporary STS keys.
ACCESS_KEY_ID = re.compile(r"\b(AKIA|ASIA)[A-Z0-9]{16}\b")


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for instance, user_data in user_data_scripts(graph):
        match = ACCESS_KEY_ID.search(user_data)
        if match is not None:
            findings.append(
                rule.finding(
                    instance,
                    f"{label(instance)} has an AWS access key ({match.group(1)}…) in its user data, readable by "
                    "anyone who can describe the instance or reach its metadata",
                )
            )
    return findings


RULE = Rule(
    id="SEC-026",
    title="AWS access key in user data",
    severity=Severity.ERROR,
    pillar=Pillar.SECURITY,
    effort=Effort.MEDIUM,
    source=cite("000", "Security and IAM Tips"),
    description="Rather than handing applications an IAM user's access keys, assign an IAM role to the instance and "
    "let the application take temporary credentials from the instance metadata; keys written into user data are "
    "long-lived, shared and readable through the console, the API and the metadata service.",
    remediation="Remove the key from the user data, deactivate it, and give the instance an IAM role with the "
    "permissions the application needs.",
    check=check,
    applies_to=("ec2_instance",),
    tags=("identity", "secrets"),
    wa_best_practice="SEC02-BP02",
    checked="2026-11-23",
)
