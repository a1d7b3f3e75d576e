"""SSH (22) or RDP (3389) open to the whole internet."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import rule_covers_port, world_ingress
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
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
    findings = []
    for node, open_rules in world_ingress(graph, *SERVERS):
        ports = _admin_ports(open_rules)
        if ports:
            findings.append(rule.finding(node, f"{label(node)} allows {' and '.join(ports)} from 0.0.0.0/0"))
    return findings


def _admin_ports(open_rules: list[dict[str, object]]) -> list[str]:
    return [name for port, name in ADMIN_PORTS.items() if any(rule_covers_port(r, port) for r in open_rules)]


RULE = Rule(
    id="SEC-001",
    title="SSH or RDP open to the world",
    severity=Severity.ERROR,
    pillar=Pillar.SECURITY,
    effort=Effort.LOW,
    source=cite("000", "VPC and Network Security Tips"),
    description="A security group rule lets anyone on the internet (0.0.0.0/0) reach SSH (22) or RDP (3389).",
    remediation="Allow 22/3389 only from a bastion host's security group or an admin CIDR, or use Session Manager with no open port.",
    check=check,
    applies_to=("ec2_instance", "autoscaling_group", "security_group", "emr_cluster"),
    tags=("network", "exposure", "access"),
    wa_best_practice="SEC05-BP02",
    checked="2026-11-22",
)
