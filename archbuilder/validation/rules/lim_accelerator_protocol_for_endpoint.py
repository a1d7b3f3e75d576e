"""A UDP accelerator listener in front of a load balancer that speaks only TCP."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import linked

TCP_ONLY = {"alb", "clb"}


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for accelerator in services_of_type(graph, "global_accelerator"):
        if accelerator.properties.get("listener_protocol") != "UDP":
            continue
        for endpoint in linked(graph, accelerator):
            if endpoint.type in TCP_ONLY:
                findings.append(
                    rule.finding(
                        [accelerator, endpoint],
                        f"{label(accelerator)} listens on UDP but sends to {label(endpoint)}, which accepts only TCP",
                    )
                )
    return findings


RULE = Rule(
    id="LIM-073",
    title="UDP accelerator in front of a TCP-only endpoint",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("002", "AWS Global Accelerator"),
    description="Global Accelerator passes TCP or UDP through to its endpoints as it receives it; an Application "
    "(or Classic) Load Balancer takes only TCP (HTTP, HTTPS), so a UDP listener's traffic to it never arrives.",
    remediation="Put a Network Load Balancer (UDP listener) or instances behind a UDP accelerator, or make the "
    "listener TCP.",
    check=check,
    applies_to=("global_accelerator", "alb", "clb"),
    tags=("network", "limits"),
    wa_best_practice="REL01-BP03",
    checked="2026-12-06",
)
