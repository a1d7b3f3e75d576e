"""Derives the graphs rules reason about from the model: containment, and traffic/data flow with an Internet node."""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from archbuilder.catalog import Catalog, ConnectionKind, ServiceType
from archbuilder.model import Architecture, NodeKind, ServiceNode, SubnetNode, SubnetTier

INTERNET = "internet"

# Services the internet reaches without any network placement: public endpoints of global/regional services.
PUBLIC_ENDPOINTS = {
    "cloudfront_distribution",
    "api_gateway_rest",
    "api_gateway_http",
    "route53_zone",
    "cognito_user_pool",
    "global_accelerator",
    "iot_core",
}
LOAD_BALANCERS = {"alb", "nlb", "clb"}
# Connection kinds along which a request or data travels (used for reachability).
FLOW_KINDS = {
    ConnectionKind.TRAFFIC,
    ConnectionKind.INVOKE,
    ConnectionKind.ORIGIN,
    ConnectionKind.DNS,
    ConnectionKind.EVENT,
    ConnectionKind.POLL,
    ConnectionKind.SUBSCRIBE,
    ConnectionKind.READ,
    ConnectionKind.WRITE,
    ConnectionKind.READ_WRITE,
}


@dataclass
class Placement:
    """Where a service sits, resolved once: its subnets, their AZs and tiers, VPC and region."""

    subnet_ids: list[str] = field(default_factory=list)
    zones: list[str] = field(default_factory=list)
    tiers: list[SubnetTier] = field(default_factory=list)
    vpc_id: str | None = None
    region: str | None = None


@dataclass
class ArchGraph:
    architecture: Architecture
    catalog: Catalog
    containment: nx.DiGraph
    flow: nx.DiGraph  # services + INTERNET; edges carry the connection ids and kinds
    placements: dict[str, Placement]

    def service_type(self, node: ServiceNode) -> ServiceType:
        return self.catalog.get(node.type)


def _placement(architecture: Architecture, node: ServiceNode) -> Placement:
    placement = Placement()
    region = architecture.enclosing(node.id, NodeKind.REGION)
    placement.region = region.region if region is not None else None  # type: ignore[union-attr]
    if region is None:
        placement.region = None
    vpc = architecture.enclosing(node.id, NodeKind.VPC)
    placement.vpc_id = vpc.id if vpc is not None else None
    for subnet_id in [node.parent_id, *node.extra_subnet_ids]:
        if subnet_id is None:
            continue
        subnet = architecture.nodes.get(subnet_id)
        if isinstance(subnet, SubnetNode):
            placement.subnet_ids.append(subnet.id)
            placement.tiers.append(subnet.tier)
            zone = architecture.enclosing(subnet.id, NodeKind.AZ)
            if zone is not None:
                placement.zones.append(zone.zone)  # type: ignore[union-attr]
    return placement


def build(architecture: Architecture) -> ArchGraph:
    """A pure function of the model; nothing is kept in sync by hand."""
    catalog = architecture.catalog
    containment: nx.DiGraph = nx.DiGraph()
    flow: nx.DiGraph = nx.DiGraph()
    flow.add_node(INTERNET, label="Internet")
    placements: dict[str, Placement] = {}
    for node in architecture.nodes.values():
        containment.add_node(node.id, kind=node.kind, label=node.label)
        if node.parent_id is not None:
            containment.add_edge(node.parent_id, node.id)
        if isinstance(node, ServiceNode):
            placements[node.id] = _placement(architecture, node)
            flow.add_node(node.id, type=node.type, label=node.label)
    for connection in architecture.connections.values():
        if flow.has_edge(connection.source_id, connection.target_id):
            flow.edges[connection.source_id, connection.target_id]["kinds"].add(connection.kind)
            flow.edges[connection.source_id, connection.target_id]["connections"].append(connection.id)
        else:
            flow.add_edge(
                connection.source_id,
                connection.target_id,
                kinds={connection.kind},
                connections=[connection.id],
            )
    for node in architecture.services():
        if _internet_facing(node, placements[node.id], architecture):
            flow.add_edge(INTERNET, node.id, kinds={ConnectionKind.TRAFFIC}, connections=[])
    return ArchGraph(architecture, catalog, containment, flow, placements)


def _internet_facing(node: ServiceNode, placement: Placement, architecture: Architecture) -> bool:
    """The internet can open connections to this service directly."""
    if node.type in PUBLIC_ENDPOINTS:
        return True
    if node.type in LOAD_BALANCERS:
        return bool(node.properties.get("internet_facing")) and SubnetTier.PUBLIC in placement.tiers
    if node.type == "s3_bucket":
        return bool(node.properties.get("public_access"))
    if SubnetTier.PUBLIC not in placement.tiers or not _vpc_has_internet_gateway(
        architecture, placement.vpc_id
    ):
        return False
    # In a public subnet a service is reachable when it has a public address and a world-open ingress rule.
    public_ip = node.properties.get("associate_public_ip") or node.properties.get("publicly_accessible")
    if node.type in ("ec2_instance", "rds_instance") and not public_ip:
        return False
    return any(rule.get("cidr") in ("0.0.0.0/0", "::/0") for rule in node.properties.get("ingress") or [])


def _vpc_has_internet_gateway(architecture: Architecture, vpc_id: str | None) -> bool:
    if vpc_id is None:
        return False
    return any(
        child.type == "internet_gateway"
        for child in architecture.children(vpc_id)
        if isinstance(child, ServiceNode)
    )
