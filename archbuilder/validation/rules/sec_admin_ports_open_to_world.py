"""SSH (22) or RDP (3389) open to the whole internet."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import ingress_rules, open_to_world, rule_covers_port, services_with_ingress
from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Rule, cite
from archbuilder.validation.rules._kit import label

ADMIN_PORTS = {22: "SSH", 3389: "RDP"}


SERVERS = (
    "ec2_instance",
    "autoscaling_group",
    "ecs_service",
    "eks_cluster",
    "eks_node_group",
    "emr_cluster",
    "security_group",
    "elastic_beanstalk",
    "batch_compute_environment",
)


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    # Only services with ingress rules of their own can match.
    findings = []
    for node in services_with_ingress(graph, *SERVERS):
        ports = _open_admin_ports(node, graph)
        if ports:
            findings.append(rule.finding(node, f"{label(node)} allows {' and '.join(ports)} from 0.0.0.0/0"))
    return findings


def _open_admin_ports(node: ServiceNode, graph: ArchGraph) -> list[str]:
    return [
        name
        for port, name in ADMIN_PORTS.items()
        if any(open_to_world(rule) and rule_covers_port(rule, port) for rule in ingress_rules(node))
    ]


RULE = Rule(
    id="SEC-001",
    title="SSH or RDP open to the world",
    severity=Severity.ERROR,
    pillar=Pillar.SECURITY,
    source=cite("000", "VPC and Network Security Tips"),
    description="A security group rule lets anyone on the internet (0.0.0.0/0) reach SSH (22) or RDP (3389).",
    remediation="Allow 22/3389 only from a bastion host's security group or an admin CIDR, or use Session Manager with no open port.",
    check=check,
)
