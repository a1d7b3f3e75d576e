"""Instances behind a load balancer that still take a public IPv4 address each."""

from archbuilder.catalog import ConnectionKind, ServiceRole
from archbuilder.graph.queries import neighbours_of_type, types_with_role
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="COST-027",
    title="Public addresses behind a load balancer",
    severity=Severity.INFO,
    pillar=Pillar.COST_OPTIMIZATION,
    effort=Effort.MEDIUM,
    source=cite("000", "Elastic IP Tips"),
    description="Every public IPv4 address is billed by the hour since February 2024; an instance that receives its "
    "traffic from a load balancer needs none (the balancer has its own), and without one it is not exposed on its "
    "own address either.",
    remediation="Turn the public address off and reach the internet, if needed, through a NAT gateway.",
    check=each_service(
        ("ec2_instance",),
        lambda node, graph: (
            node.properties.get("associate_public_ip") is True
            and any(
                ConnectionKind.TRAFFIC in graph.flow.edges[lb.id, node.id]["kinds"]
                for lb in neighbours_of_type(
                    graph, node.id, types_with_role(graph, ServiceRole.LOAD_BALANCER), direction="in"
                )
            )
        ),
        lambda node, graph: (
            f"{label(node)} is reached through a load balancer but pays for a public IPv4 address"
        ),
    ),
    applies_to=("ec2_instance", "alb", "nlb", "elastic_ip"),
    tags=("cost", "network", "waste"),
    wa_best_practice="COST04-BP03",
    checked="2026-12-06",
    note="The guide's addresses were free while in use; every public IPv4 address is billed since February 2024.",
)
