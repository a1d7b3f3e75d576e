"""X-Ray in a design where no service sends it traces."""

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label
from archbuilder.validation.rules._links import has_link

LOGS = {ConnectionKind.LOGS}

RULE = Rule(
    id="OPS-030",
    title="Tracing that receives no traces",
    severity=Severity.INFO,
    pillar=Pillar.OPERATIONAL_EXCELLENCE,
    effort=Effort.LOW,
    source=cite("002", "AWS X-RAY"),
    description="X-Ray receives traces from applications: integrated services add tracing headers and send trace "
    "data, or run the X-Ray daemon. Drawn with no service sending to it, it shows nothing about the requests.",
    remediation="Turn tracing on for the functions, APIs and services on the request path (draw their logs "
    "connection to X-Ray), or remove it.",
    check=each_service(
        ("xray",),
        lambda node, graph: not has_link(graph, node, LOGS, direction="in"),
        lambda node, graph: f"{label(node)} receives traces from no service",
    ),
    applies_to=("xray",),
    tags=("monitoring",),
    wa_best_practice="OPS08-BP03",
    checked="2026-12-06",
)
