"""An application server that is reached through a load balancer but sits in a public subnet itself."""

from archbuilder.catalog import ConnectionKind, ServiceRole
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import (
    in_public_subnet,
    neighbours_of_type,
    services_with_role,
    types_with_role,
)
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    balancer_types = types_with_role(graph, ServiceRole.LOAD_BALANCER)
    for node in services_with_role(graph, ServiceRole.SERVER, ServiceRole.ORCHESTRATOR):
        if not in_public_subnet(graph, node):
            continue
        balancers = [
            lb
            for lb in neighbours_of_type(graph, node.id, balancer_types, direction="in")
            if ConnectionKind.TRAFFIC in graph.flow.edges[lb.id, node.id]["kinds"]
        ]
        if balancers:
            names = ", ".join(label(lb) for lb in balancers)
            findings.append(
                rule.finding(
                    node, f"{label(node)} sits in a public subnet although it is reached through {names}"
                )
            )
    return findings


RULE = Rule(
    id="SEC-016",
    title="Application server behind a load balancer in a public subnet",
    severity=Severity.WARNING,
    pillar=Pillar.SECURITY,
    effort=Effort.HIGH,
    source=cite("003", "- Minimize Internet Exposure - expose only necessary resources in public subnets"),
    description="Servers that receive their traffic from a load balancer need no direct route from the internet; "
    "placing them in public subnets exposes more than necessary.",
    remediation="Move the servers into private subnets (one per AZ) and keep only the load balancer in public subnets.",
    check=check,
    applies_to=("ec2_instance", "autoscaling_group", "ecs_service", "alb"),
    tags=("network", "exposure"),
    wa_best_practice="SEC05-BP01",
    checked="2026-11-22",
)
