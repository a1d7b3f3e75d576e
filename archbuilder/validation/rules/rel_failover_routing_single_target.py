"""A DNS zone with failover routing and only one target to route to."""

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label
from archbuilder.validation.rules._links import linked

DNS = {ConnectionKind.DNS}

RULE = Rule(
    id="REL-083",
    title="Failover routing with nowhere to fail over",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("003", "- Failover Routing - routes network traffic to backup resource in case of failure"),
    description="Failover routing answers with the primary record while it is healthy and with the secondary when "
    "it is not; a zone with failover routing but a single target has no secondary, so a failure leaves nothing to "
    "answer with.",
    remediation="Add the secondary target (a standby in another AZ or region, or a static maintenance page in S3).",
    check=each_service(
        ("route53_zone",),
        lambda node, graph: (
            node.properties.get("routing_policy") == "failover" and len(linked(graph, node, DNS)) == 1
        ),
        lambda node, graph: (
            f"{label(node)} uses failover routing but has one target, so there is no secondary"
        ),
    ),
    applies_to=("route53_zone",),
    tags=("dns", "availability"),
    wa_best_practice="REL11-BP02",
    checked="2026-12-06",
)
