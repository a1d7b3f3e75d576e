"""A subnet too small for the addresses the services placed in it need."""

import ipaddress
import math

from archbuilder.graph import ArchGraph
from archbuilder.model import ServiceNode, SubnetNode
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._links import count

RESERVED = 5  # the first four addresses and the last one of every subnet
NO_ADDRESS = {"ebs_volume"}  # drawn in a subnet for its AZ, but takes no address


def _interfaces(node: ServiceNode, size_property: str) -> int:
    return max(count(node.properties.get(size_property), 1), 1)


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    needed: dict[str, int] = {}
    placements = graph.placements
    tally = needed.get
    for type_id, nodes in graph.by_type.items():
        if type_id in NO_ADDRESS:
            continue
        # Services that run several instances, tasks or nodes say how many in their catalog size property; every
        # other service takes one address in each subnet it sits in.
        size_property = graph.catalog.get(type_id).size_property
        if size_property is None:
            for node in nodes:
                for subnet_id in placements[node.id].subnet_ids:
                    needed[subnet_id] = tally(subnet_id, 0) + 1
            continue
        for node in nodes:
            subnet_ids = placements[node.id].subnet_ids
            if subnet_ids:
                # A multi-subnet service spreads its interfaces over its subnets.
                share = math.ceil(_interfaces(node, size_property) / len(subnet_ids))
                for subnet_id in subnet_ids:
                    needed[subnet_id] = needed.get(subnet_id, 0) + share
    findings = []
    for subnet_id, total in sorted(needed.items()):
        subnet = graph.architecture.nodes[subnet_id]
        if not isinstance(subnet, SubnetNode):
            continue
        try:
            network = ipaddress.ip_network(subnet.cidr, strict=False)
        except ValueError:
            continue
        usable = 2 ** (network.max_prefixlen - network.prefixlen) - RESERVED
        if total > usable:
            findings.append(
                rule.finding(
                    subnet,
                    f"Subnet “{subnet.label}” ({subnet.cidr}) has {usable:,} usable addresses but the services "
                    f"placed in it need at least {total:,}",
                )
            )
    return findings


RULE = Rule(
    id="LIM-030",
    title="Subnet out of addresses",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.HIGH,
    source=cite("002", "Features --"),
    description="AWS reserves five addresses in every subnet (the first four and the last), and every instance, "
    "task, node, load balancer or endpoint interface placed in the subnet takes one of the rest; when they run "
    "out, launches and scaling fail.",
    remediation="Give the subnet a larger CIDR block (for example /24), or spread the services over more subnets.",
    check=check,
    applies_to=(
        "subnet",
        "ec2_instance",
        "autoscaling_group",
        "ecs_service",
        "lambda_function",
        "rds_instance",
    ),
    tags=("limits", "quota", "network"),
    wa_best_practice="REL02-BP03",
    checked="2026-11-23",
)
