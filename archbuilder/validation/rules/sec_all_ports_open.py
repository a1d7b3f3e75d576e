"""A security group rule that opens every port to an address range."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import ingress_rules, open_to_world, services_with_ingress
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label


def _all_ports(rule: dict[str, object]) -> bool:
    if rule.get("protocol") in ("-1", "all") or rule.get("from_port") == -1:
        return True
    return rule.get("from_port") == 0 and rule.get("to_port") == 65535


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for node in services_with_ingress(graph):
        ranges = sorted(
            {
                str(r["cidr"])
                for r in ingress_rules(node)
                if "cidr" in r and _all_ports(r) and not open_to_world(r)
            }
        )
        if ranges:
            findings.append(rule.finding(node, f"{label(node)} accepts every port from {', '.join(ranges)}"))
    return findings


RULE = Rule(
    id="SEC-050",
    title="All ports open to an address range",
    severity=Severity.INFO,
    pillar=Pillar.SECURITY,
    effort=Effort.LOW,
    source=cite("000", "VPC and Network Security Tips"),
    description="Security groups should open only the ports a service listens on, to the callers that need them; "
    "a rule for every port from a whole range (often the VPC's) lets any compromised host there reach every "
    "daemon, admin port and debug listener on the target. (Rules open to the world are SEC-001 and SEC-002.)",
    remediation="Open only the listener ports, to the callers' security groups rather than address ranges.",
    check=check,
    applies_to=("security_group", "ec2_instance", "rds_instance"),
    tags=("network", "access"),
    wa_best_practice="SEC05-BP02",
    checked="2026-12-06",
)
