"""Ports other than the web listener ports open to the whole internet."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import world_ingress
from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label

LISTENER_PORTS = {80, 443}
ADMIN_PORTS = {22, 3389}  # reported by SEC-001


EXPOSABLE = (
    "ec2_instance",
    "autoscaling_group",
    "alb",
    "nlb",
    "clb",
    "ecs_service",
    "fargate_task",
    "rds_instance",
    "aurora_cluster",
    "elasticache_cluster",
    "redshift_cluster",
    "security_group",
    "emr_cluster",
    "opensearch_domain",
)


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for node, open_rules in world_ingress(graph, *EXPOSABLE):
        ports = _extra_ports(node, open_rules)
        if ports:
            findings.append(rule.finding(node, f"{label(node)} is open to 0.0.0.0/0 on {', '.join(ports)}"))
    return findings


def _listener_ports(node: ServiceNode) -> set[int]:
    """80 and 443, plus a load balancer's own listener port (an NLB may listen on e.g. 8883 for MQTT)."""
    port = node.properties.get("listener_port")
    return LISTENER_PORTS | {port} if isinstance(port, int) else LISTENER_PORTS


def _extra_ports(node: ServiceNode, open_rules: list[dict[str, object]]) -> list[str]:
    found = []
    for rule in open_rules:
        low, high = rule.get("from_port"), rule.get("to_port", rule.get("from_port"))
        if rule.get("protocol") in ("-1", "all") or not isinstance(low, int) or low == -1:
            found.append("all ports")
            continue
        high = high if isinstance(high, int) else low
        ports = set(range(low, high + 1))
        extra = ports - _listener_ports(node) - ADMIN_PORTS
        if extra:
            found.append(f"{low}-{high}" if low != high else str(low))
    return found


RULE = Rule(
    id="SEC-002",
    title="Non-listener ports open to the world",
    severity=Severity.WARNING,
    pillar=Pillar.SECURITY,
    effort=Effort.LOW,
    source=cite("000", "VPC and Network Security Tips"),
    description="Only the listener ports (80/443) of internet-facing services should be open to 0.0.0.0/0; "
    "the guide advises being extremely restrictive with ports open to all incoming connections.",
    remediation="Open only the listener ports to the world, ideally on a load balancer; allow other ports from security groups.",
    check=check,
    applies_to=("ec2_instance", "autoscaling_group", "security_group", "rds_instance", "alb"),
    tags=("network", "exposure"),
    wa_best_practice="SEC05-BP02",
    checked="2026-11-22",
)
