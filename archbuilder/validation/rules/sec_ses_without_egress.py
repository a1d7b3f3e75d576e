"""Private-subnet services sending mail through SES without a way out to its internet endpoints."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.egress import reaches_api
from archbuilder.graph.queries import services_of_type
from archbuilder.model import ServiceNode, SubnetTier
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    arch = graph.architecture
    findings = []
    for ses in services_of_type(graph, "ses_identity"):
        for sender_id in sorted(graph.flow.predecessors(ses.id)):
            sender = arch.nodes.get(sender_id)
            if not isinstance(sender, ServiceNode):
                continue
            placement = graph.placements[sender.id]
            if placement.vpc_id is None or SubnetTier.PUBLIC in placement.tiers:
                continue
            if not reaches_api(graph, placement.vpc_id, ses.type):
                findings.append(
                    rule.finding(
                        [sender, ses],
                        f"“{sender.label}” is in private subnets with no NAT gateway and no SES (email-smtp) "
                        f"endpoint, so it cannot reach SES “{ses.label}”",
                    )
                )
    return findings


RULE = Rule(
    id="SEC-015",
    title="SES unreachable from private subnets",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("000", "SES Gotchas and Limitations"),
    description="SES endpoints are on the internet: a private subnet reaches them through a NAT gateway, or through an "
    "interface VPC endpoint for the SES SMTP interface (email-smtp, available since 2020); an endpoint for another "
    "service is no way to SES.",
    remediation="Add a NAT gateway route for the private subnets, or an interface VPC endpoint for SES "
    "(com.amazonaws.<region>.email-smtp).",
    check=check,
    applies_to=("ses_identity", "vpc_endpoint_interface", "nat_gateway"),
    tags=("messaging", "egress"),
    wa_best_practice="REL02-BP01",
    checked="2026-11-22",
)
