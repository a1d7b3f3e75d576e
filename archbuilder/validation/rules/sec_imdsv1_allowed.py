"""An EC2 instance that still answers IMDSv1 metadata requests."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="SEC-044",
    title="Instance metadata without session tokens",
    severity=Severity.WARNING,
    pillar=Pillar.SECURITY,
    effort=Effort.LOW,
    source=cite("002", "EC2 Metadata & Userdata"),
    description="The instance metadata service hands out the instance role's temporary credentials; IMDSv1 answers "
    "any plain GET, so a server-side request forgery or an open proxy in the application can read them. IMDSv2 "
    "requires a session token obtained with a PUT, which those requests cannot make.",
    remediation="Require IMDSv2 (HttpTokens required) on the instance or its launch template.",
    check=each_service(
        ("ec2_instance",),
        lambda node, graph: node.properties.get("require_imdsv2") is False,
        lambda node, graph: f"{label(node)} accepts IMDSv1 requests for its role's credentials",
    ),
    applies_to=("ec2_instance",),
    tags=("identity", "compute"),
    wa_best_practice="SEC06-BP01",
    checked="2026-12-06",
    note="Beyond the guide's metadata passage: IMDSv2 (2019) and its session tokens.",
)
