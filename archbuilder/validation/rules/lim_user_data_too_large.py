"""EC2 user data larger than the 16 KB an instance accepts."""

from archbuilder.graph import ArchGraph
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label, user_data_scripts

LIMIT_BYTES = 16 * 1024  # raw size, before the base64 encoding the API applies


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for instance, user_data in user_data_scripts(graph):
        size = len(user_data.encode("utf-8"))
        if size > LIMIT_BYTES:
            findings.append(
                rule.finding(
                    instance,
                    f"{label(instance)} has {size:,} bytes of user data; an instance accepts at most "
                    f"{LIMIT_BYTES:,} (16 KB)",
                )
            )
    return findings


RULE = Rule(
    id="LIM-023",
    title="User data over 16 KB",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("000", "EC2 Gotchas and Limitations"),
    description="Instance user data is limited to 16 KB in raw form (before base64 encoding); a larger script is "
    "refused when the instance is launched.",
    remediation="Keep the user data a short script that downloads the rest (for example from S3) at boot, or bake "
    "the software into the AMI.",
    check=check,
    applies_to=("ec2_instance",),
    tags=("limits", "compute"),
    wa_best_practice="REL01-BP03",
    checked="2026-11-23",
)
