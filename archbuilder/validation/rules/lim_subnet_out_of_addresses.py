"""A subnet too small for the addresses the services placed in it need."""

import ipaddress
import math

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_in_subnets
from archbuilder.model import ServiceNode, SubnetNode
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Rule, cite
from archbuilder.validation.rules._links import count

RESERVED = 5  # the first four addresses and the last one of every subnet
NO_ADDRESS = {"ebs_volume"}  # drawn in a subnet for its AZ, but takes no address
# Where a service says how many network interfaces it runs (instances, tasks, nodes), first match wins.
SIZE_PROPERTIES = ("max_size", "desired_count", "instance_count", "num_nodes")


def _interfaces(node: ServiceNode) -> int:
    for name in SIZE_PROPERTIES:
        if name in node.properties:
            return max(count(node.properties[name], 1), 1)
    return 1


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    needed: dict[str, int] = {}
    for node in services_in_subnets(graph):
        if node.type in NO_ADDRESS:
            continue
        subnet_ids = graph.placements[node.id].subnet_ids
        # A multi-subnet service spreads its interfaces over its subnets.
        share = math.ceil(_interfaces(node) / len(subnet_ids))
        for subnet_id in subnet_ids:
            needed[subnet_id] = needed.get(subnet_id, 0) + share
    findings = []
    for subnet_id, total in sorted(needed.items()):
        subnet = graph.architecture.nodes[subnet_id]
        if not isinstance(subnet, SubnetNode):
            continue
        try:
            usable = ipaddress.ip_network(subnet.cidr, strict=False).num_addresses - RESERVED
        except ValueError:
            continue
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
    source=cite("002", "Features --"),
    description="AWS reserves five addresses in every subnet (the first four and the last), and every instance, "
    "task, node, load balancer or endpoint interface placed in the subnet takes one of the rest; when they run "
    "out, launches and scaling fail.",
    remediation="Give the subnet a larger CIDR block (for example /24), or spread the services over more subnets.",
    check=check,
)
