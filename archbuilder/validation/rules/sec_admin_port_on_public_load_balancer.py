"""An internet-facing load balancer or accelerator that forwards SSH or RDP from the internet."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import directly_exposed, services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label

ADMIN_PORTS = {22: "SSH", 3389: "RDP"}


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for front in services_of_type(graph, "nlb", "clb", "global_accelerator"):
        port = front.properties.get("listener_port")
        if port in ADMIN_PORTS and directly_exposed(graph, front.id):
            findings.append(
                rule.finding(
                    front,
                    f"{label(front)} forwards port {port} ({ADMIN_PORTS[port]}) from the internet to its targets",
                )
            )
    return findings


RULE = Rule(
    id="SEC-031",
    title="SSH or RDP through an internet-facing load balancer",
    severity=Severity.ERROR,
    pillar=Pillar.SECURITY,
    effort=Effort.MEDIUM,
    source=cite("000", "VPC and Network Security Tips"),
    description="Administrative access belongs on the private network: reach servers through a VPN or a bastion host "
    "that all SSH connections transit, so the attack surface stays small. A load balancer or accelerator listening "
    "on 22 or 3389 for the internet opens SSH or RDP to the world even when the servers' own security groups only "
    "admit the load balancer.",
    remediation="Remove the listener, and reach the servers through a bastion host, a VPN or Session Manager instead.",
    check=check,
    applies_to=("nlb", "clb", "global_accelerator"),
    tags=("exposure", "access"),
    wa_best_practice="SEC06-BP03",
    checked="2026-11-23",
)
