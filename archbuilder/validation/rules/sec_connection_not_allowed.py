"""A traffic connection that the target's declared security group rules do not allow."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import ingress_rules, rule_covers_port
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Rule, cite

# When a service declares explicit ingress rules they are its whole security group; connections drawn to it must
# be covered by one of them (from the source's security group, or a CIDR). Services without explicit rules get
# their ingress generated from the connections, so they always allow what is drawn.


def _allowed(rules: list[dict[str, object]], source_id: str, port: int | None) -> bool:
    for rule in rules:
        if rule.get("source_id") not in (None, source_id):
            continue
        if port is None or rule_covers_port(rule, port):
            return True
    return False


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    arch = graph.architecture
    findings = []
    for connection in sorted(arch.connections.values(), key=lambda c: c.id):
        if connection.kind is not ConnectionKind.TRAFFIC:
            continue
        source, target = arch.service(connection.source_id), arch.service(connection.target_id)
        rules = ingress_rules(target)
        if not rules or graph.placements[target.id].vpc_id is None:
            continue
        port = connection.port or graph.catalog.get(target.type).default_port
        if not _allowed(rules, source.id, port):
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
    source=cite("002", "Security Groups"),
    description="Security groups block everything by default; a drawn connection only works when an ingress rule of "
    "the target allows the source on the connection's port.",
    remediation="Add an ingress rule on the target from the source's security group on that port, or remove the connection.",
    check=check,
)
