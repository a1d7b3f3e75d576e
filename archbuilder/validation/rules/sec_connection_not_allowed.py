"""A traffic connection that the target's declared security group rules do not allow."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import ingress_allows, services_with_ingress
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite

# The coverage decision (explicit rules, attached security groups, source groups and CIDRs) is documented on
# archbuilder.graph.queries.ingress_allows; a target without explicit rules allows what is drawn to it.


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    arch = graph.architecture
    findings = []
    # A target without rules of its own allows what is drawn to it unless a security group node is attached
    # (only possible when the design has one): such connections are skipped without reading the services.
    with_rules = {node.id for node in services_with_ingress(graph)}
    groups = "security_group" in graph.by_type
    for connection in graph.connections_by_kind.get(ConnectionKind.TRAFFIC, []):
        if not groups and connection.target_id not in with_rules:
            continue
        source, target = arch.service(connection.source_id), arch.service(connection.target_id)
        if graph.placements[target.id].vpc_id is None:
            continue
        port = connection.port or graph.catalog.get(target.type).default_port
        if ingress_allows(graph, source, target, port) is False:
            findings.append(
                rule.finding(
                    [source, target],
                    f"“{source.label}” → “{target.label}” on port {port}: no security group rule of "
                    f"“{target.label}” allows it",
                )
            )
    return findings


RULE = Rule(
    id="SEC-008",
    title="Connection not allowed by security groups",
    severity=Severity.ERROR,
    pillar=Pillar.SECURITY,
    effort=Effort.LOW,
    source=cite("002", "Security Groups"),
    description="Security groups block everything by default; a drawn connection only works when an ingress rule of "
    "the target allows the source on the connection's port.",
    remediation="Add an ingress rule on the target from the source's security group on that port, or remove the connection.",
    check=check,
    applies_to=("security_group", "ec2_instance", "rds_instance"),
    tags=("network", "access"),
    wa_best_practice="SEC05-BP02",
    checked="2026-11-22",
)
