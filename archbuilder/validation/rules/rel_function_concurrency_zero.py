"""A Lambda function whose reserved concurrency of zero stops every invocation."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="REL-087",
    title="Function reserved to zero concurrency",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("004", "AWS Lambda"),
    description="Reserved concurrency caps how many instances of a function run at once; reserved at zero, the "
    "function is throttled on every invocation (it is how AWS stops a function in an emergency). A design that "
    "connects callers to it will see every call fail.",
    remediation="Reserve the concurrency the function needs, or none (leave it unset) to share the regional pool.",
    check=each_service(
        ("lambda_function",),
        lambda node, graph: node.properties.get("reserved_concurrency") == 0,
        lambda node, graph: f"{label(node)} has reserved concurrency 0, so every invocation is throttled",
    ),
    applies_to=("lambda_function",),
    tags=("serverless", "availability"),
    wa_best_practice="REL05-BP02",
    checked="2026-12-06",
)
