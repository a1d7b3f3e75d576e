"""A traffic connection the exported security groups do not let through.

The export opens every traffic connection drawn to a service over TCP on the connection's port, with a rule on the
service's own group (or, for CloudHSM and EKS managed nodes, on the group their cluster makes), whatever rules the
service or a security group attached to it declares. So a connection over TCP, HTTP or HTTPS is never reported; a
connection over UDP, ICMP or all protocols gets only that TCP rule, and goes through only when a declared rule lets
the source in over its protocol (archbuilder.graph.queries.ingress_allows documents the decision)."""

from archbuilder.catalog import ConnectionKind
from archbuilder.catalog.security_groups import TAKES_NO_SECURITY_GROUP
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import OVER_TCP, ingress_allows
from archbuilder.model import Connection
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for connection in graph.connections_by_kind.get(ConnectionKind.TRAFFIC, []):
        protocol = connection.protocol or "tcp"
        if protocol in OVER_TCP:
            continue  # the export's own rule for the connection lets it in
        finding = _not_let_in(rule, graph, connection, protocol)
        if finding is not None:
            findings.append(finding)
    return findings


def _not_let_in(rule: Rule, graph: ArchGraph, connection: Connection, protocol: str) -> Finding | None:
    arch = graph.architecture
    source, target = arch.service(connection.source_id), arch.service(connection.target_id)
    if graph.placements[target.id].vpc_id is None or target.type in TAKES_NO_SECURITY_GROUP:
        return None
    port = connection.port or graph.catalog.get(target.type).default_port
    if ingress_allows(graph, source, target, port, protocol):
        return None
    over = {"all": "all protocols", "icmp": "ICMP"}.get(
        protocol
    ) or f"{protocol.upper()} port {port or 'any'}"
    return rule.finding(
        [source, target],
        f"“{source.label}” → “{target.label}” over {over}: the export opens a drawn connection over TCP only, "
        f"and no security group rule of “{target.label}” lets it in",
    )


RULE = Rule(
    id="SEC-008",
    title="Connection not allowed by security groups",
    severity=Severity.ERROR,
    pillar=Pillar.SECURITY,
    effort=Effort.LOW,
    source=cite("002", "Security Groups"),
    description="Security groups block everything by default. The export opens each drawn traffic connection over "
    "TCP on its port; a connection over UDP, ICMP or all protocols only works when an ingress rule of the target "
    "(or of a security group attached to it) lets the source in over that protocol.",
    remediation="Add an ingress rule on the target letting the source in over the connection's protocol and port, "
    "or draw the connection over TCP.",
    check=check,
    applies_to=("security_group", "ec2_instance", "rds_instance"),
    tags=("network", "access"),
    wa_best_practice="SEC05-BP02",
    checked="2026-12-06",
)
