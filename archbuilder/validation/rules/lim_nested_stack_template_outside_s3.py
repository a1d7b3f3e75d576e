"""A nested CloudFormation stack whose template is not an S3 object."""

import re

from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_problem, label

# The URL forms of an object in S3: virtual-hosted (bucket.s3[.region].amazonaws.com) and path style.
S3_URL = re.compile(r"^https://([a-z0-9.-]+\.)?s3([.-][a-z0-9-]+)?\.amazonaws\.com(\.cn)?/\S+$")


def _problem(stack: ServiceNode) -> str | None:
    url = str(stack.properties.get("template_url") or "").strip()
    if not url:
        return f"{label(stack)} names no template: a nested stack is created from a template stored in S3"
    if not S3_URL.match(url):
        return f"{label(stack)} reads its template from {url}, which is not an S3 object URL"
    return None


RULE = Rule(
    id="LIM-047",
    title="Nested stack template outside S3",
    severity=Severity.ERROR,
    pillar=Pillar.OPERATIONAL_EXCELLENCE,
    effort=Effort.LOW,
    source=cite("000", "CloudFormation Tips"),
    description="Reusable layer templates are brought into a stack with AWS::CloudFormation::Stack, whose "
    "TemplateURL must be an object in an S3 bucket (https://…amazonaws.com/…); any other location, or none, makes "
    "the parent stack fail.",
    remediation="Upload the layer template to an S3 bucket (aws cloudformation package does it) and give its "
    "https URL.",
    check=each_problem(("cloudformation_stack",), _problem),
    applies_to=("cloudformation_stack",),
    tags=("iac", "limits", "deployment"),
    wa_best_practice="OPS05-BP03",
    checked="2026-12-06",
)
