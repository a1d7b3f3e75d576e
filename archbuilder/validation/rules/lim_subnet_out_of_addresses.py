"""A subnet too small for the addresses the services placed in it need."""

import ipaddress
import math

from archbuilder.graph import ArchGraph
from archbuilder.model import ServiceNode, SubnetNode
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Rule, cite
from archbuilder.validation.rules._links import count

RESERVED = 5  # the first four addresses and the last one of every subnet
NO_ADDRESS = {"ebs_volume"}  # drawn in a subnet for its AZ, but takes no address
# Services that run several network interfaces (instances, tasks, nodes), and the property that says how many;
# every other service takes one address in each subnet it sits in.
SIZE_PROPERTY = {
    "autoscaling_group": "max_size",
    "eks_node_group": "max_size",
    "elastic_beanstalk": "max_size",
    "ecs_service": "desired_count",
    "fargate_task": "desired_count",
    "aurora_cluster": "instance_count",
    "documentdb_cluster": "instance_count",
    "neptune_cluster": "instance_count",
    "opensearch_domain": "instance_count",
    "sagemaker_endpoint": "max_instance_count",
    "elasticache_cluster": "num_nodes",
    "dax_cluster": "num_nodes",
    "msk_cluster": "num_nodes",
    "redshift_cluster": "num_nodes",
    "cloudhsm_cluster": "hsm_count",
}


def _interfaces(node: ServiceNode) -> int:
    name = SIZE_PROPERTY.get(node.type)
    return 1 if name is None else max(count(node.properties.get(name), 1), 1)


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    needed: dict[str, int] = {}
    placements = graph.placements
    tally = needed.get
    for type_id, nodes in graph.by_type.items():
        if type_id in NO_ADDRESS:
            continue
        if type_id not in SIZE_PROPERTY:  # one address in each subnet it sits in
            for node in nodes:
                for subnet_id in placements[node.id].subnet_ids:
                    needed[subnet_id] = tally(subnet_id, 0) + 1
            continue
        for node in nodes:
            subnet_ids = placements[node.id].subnet_ids
            if subnet_ids:
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
    source=cite("002", "Features --"),
    description="AWS reserves five addresses in every subnet (the first four and the last), and every instance, "
    "task, node, load balancer or endpoint interface placed in the subnet takes one of the rest; when they run "
    "out, launches and scaling fail.",
    remediation="Give the subnet a larger CIDR block (for example /24), or spread the services over more subnets.",
    check=check,
)
