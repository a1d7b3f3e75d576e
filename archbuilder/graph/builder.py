"""Derives the graphs rules reason about from the model: containment, and traffic/data flow with an Internet node."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from archbuilder.catalog import Catalog, ConnectionKind, ServiceRole, ServiceType
from archbuilder.model import (
    AnyNode,
    Architecture,
    AvailabilityZoneNode,
    Connection,
    RegionNode,
    ServiceNode,
    SubnetNode,
    SubnetTier,
    VpcNode,
)

if TYPE_CHECKING:
    import networkx as nx

INTERNET = "internet"

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


@dataclass(slots=True)
class Placement:
    """Where a service sits, resolved once: its subnets, their AZs and tiers, VPC and region.

    Read-only: services with the same parent and extra subnets share one Placement (most services of a design
    sit in a handful of subnets, and resolving each separately was the bulk of building the graph).
    """

    subnet_ids: list[str] = field(default_factory=list)
    zones: list[str] = field(default_factory=list)
    tiers: list[SubnetTier] = field(default_factory=list)
    vpc_id: str | None = None
    region: str | None = None


@dataclass
class ArchGraph:
    architecture: Architecture
    catalog: Catalog
    placements: dict[str, Placement]
    services: list[ServiceNode] = field(default_factory=list)  # sorted by id
    by_type: dict[str, list[ServiceNode]] = field(default_factory=dict)  # each sorted by id
    connections_by_node: dict[str, list[Connection]] = field(default_factory=dict)
    connections: list[Connection] = field(default_factory=list)  # sorted by id
    # Each kind's connections, sorted by id.
    connections_by_kind: dict[ConnectionKind, list[Connection]] = field(default_factory=dict)
    containers: list[AnyNode] = field(default_factory=list)  # regions, VPCs, AZs, subnets: depth-first order
    # VPC id -> the services placed inside it (in its subnets or on the VPC itself), sorted by id.
    services_by_vpc: dict[str, list[ServiceNode]] = field(default_factory=dict)
    # Services in at least one subnet, sorted by id.
    in_subnets: list[ServiceNode] = field(default_factory=list)
    # Service id -> its availability zone, for the services whose subnets all lie in one AZ.
    single_zone: dict[str, str] = field(default_factory=dict)
    # Type id -> the positions in `services` of its services (merging types then sorts plain integers).
    type_positions: dict[str, list[int]] = field(default_factory=dict)
    # Results queries derive once per graph (e.g. the breadth-first tree from the Internet), keyed by query name.
    memo: dict[str, Any] = field(default_factory=dict)
    # What `flow` is made of: its nodes' data, its edges' data, then the edges from the Internet to the services
    # it can reach directly (added last, as they may join an edge a connection made).
    flow_parts: tuple[dict[str, dict[str, Any]], dict[tuple[str, str], dict[str, Any]], list[Any]] = field(
        default_factory=lambda: ({}, {}, []), repr=False, compare=False
    )

    @cached_property
    def flow(self) -> nx.DiGraph:
        """Services + INTERNET; edges carry the connection ids and kinds. Made on first use: the rules read it,
        the exports never do, and loading networkx takes a tenth of a second of an export's CPU time."""
        nodes, edges, from_internet = self.flow_parts
        flow = _flow_graph(nodes, edges)
        flow.add_edges_from(from_internet)
        return flow

    @cached_property
    def containment(self) -> nx.DiGraph:
        """Parent -> child edges; built on first use since most rules read placements instead."""
        import networkx as nx  # see ArchGraph.flow

        graph: nx.DiGraph = nx.DiGraph()
        for node in self.architecture.nodes.values():
            graph.add_node(node.id, kind=node.kind, label=node.label)
            if node.parent_id is not None:
                graph.add_edge(node.parent_id, node.id)
        return graph

    @cached_property
    def vpcs(self) -> list[VpcNode]:
        """Every VPC, sorted by id."""
        found = [n for n in self.containers if isinstance(n, VpcNode)]
        return sorted(found, key=lambda n: n.id)

    @cached_property
    def subnets_by_vpc(self) -> dict[str, list[SubnetNode]]:
        """VPC id -> its subnets, in the order Architecture.descendants visits them."""
        found: dict[str, list[SubnetNode]] = {}
        vpc_id: str | None = None
        for container in self.containers:  # depth-first: a VPC's subnets follow it, before the next VPC
            if isinstance(container, VpcNode):
                vpc_id = container.id
                found[vpc_id] = []
            elif isinstance(container, RegionNode):
                vpc_id = None
            elif isinstance(container, SubnetNode) and vpc_id is not None:
                found[vpc_id].append(container)
        return found

    def service_type(self, node: ServiceNode) -> ServiceType:
        return self.catalog.get(node.type)

    def connections_of(self, node_id: str) -> list[Connection]:
        return self.connections_by_node.get(node_id, [])


@dataclass(frozen=True)
class _Scope:
    """The region, VPC and AZ around a container, computed once top-down instead of per service."""

    region: str | None = None
    vpc_id: str | None = None
    zone: str | None = None


def _scopes(architecture: Architecture) -> tuple[dict[str | None, _Scope], list[AnyNode]]:
    """The scope of every container, and the containers in depth-first order (as Architecture.descendants
    visits them). Subnets hold only services, so the walk never lists a subnet's children."""
    scopes: dict[str | None, _Scope] = {None: _Scope()}
    containers: list[AnyNode] = []
    _walk_scopes(architecture, None, scopes, containers)
    return scopes, containers


def _walk_scopes(
    architecture: Architecture,
    parent_id: str | None,
    scopes: dict[str | None, _Scope],
    containers: list[AnyNode],
) -> None:
    # A function of the module, not one nested in _scopes: a nested function calling itself is a reference
    # cycle, which keeps what it holds until the garbage collector runs.
    outer = scopes[parent_id]
    for child in architecture.children(parent_id):
        if isinstance(child, ServiceNode):
            continue
        containers.append(child)
        if isinstance(child, SubnetNode):
            scopes[child.id] = outer
            continue
        if isinstance(child, RegionNode):
            scope = _Scope(region=child.region)
        elif isinstance(child, VpcNode):
            scope = _Scope(region=outer.region, vpc_id=child.id)
        elif isinstance(child, AvailabilityZoneNode):
            scope = _Scope(region=outer.region, vpc_id=outer.vpc_id, zone=child.zone)
        else:
            scope = outer
        scopes[child.id] = scope
        _walk_scopes(architecture, child.id, scopes, containers)


_NO_SCOPE = _Scope()


def _placement(
    nodes: Mapping[str, AnyNode], node: ServiceNode, scopes: dict[str | None, _Scope]
) -> Placement:
    scope = scopes.get(node.parent_id, _NO_SCOPE)
    subnet_ids: list[str] = []
    zones: list[str] = []
    tiers: list[SubnetTier] = []
    for subnet_id in (node.parent_id, *node.extra_subnet_ids):
        subnet = nodes.get(subnet_id) if subnet_id is not None else None
        if isinstance(subnet, SubnetNode):
            subnet_ids.append(subnet.id)
            tiers.append(subnet.tier)
            zone = scopes[subnet.id].zone
            if zone is not None:
                zones.append(zone)
    return Placement(subnet_ids, zones, tiers, scope.vpc_id, scope.region)


def _flow_graph(
    node_data: dict[str, dict[str, Any]], edges: dict[tuple[str, str], dict[str, Any]]
) -> nx.DiGraph:
    """The same DiGraph add_nodes_from/add_edges_from would build, with its adjacency dicts filled directly:
    at 5,000 services their per-item bookkeeping was a third of the graph build. (tests/graph checks the result
    against the public API, in case networkx changes its internals.)"""
    import networkx as nx  # only where a graph is made: see ArchGraph.flow

    successors: dict[str, dict[str, dict[str, Any]]] = {node_id: {} for node_id in node_data}
    predecessors: dict[str, dict[str, dict[str, Any]]] = {node_id: {} for node_id in node_data}
    for (source, target), attributes in edges.items():
        successors[source][target] = attributes
        predecessors[target][source] = attributes
    flow: nx.DiGraph = nx.DiGraph()
    flow._node.update(node_data)
    flow._succ.update(successors)  # _succ is _adj
    flow._pred.update(predecessors)
    return flow


@dataclass
class _ServiceIndex:
    """What one pass over the services finds (see build)."""

    services: list[ServiceNode] = field(default_factory=list)
    placements: dict[str, Placement] = field(default_factory=dict)
    single_zone: dict[str, str] = field(default_factory=dict)
    by_type: dict[str, list[ServiceNode]] = field(default_factory=dict)
    type_positions: dict[str, list[int]] = field(default_factory=dict)
    services_by_vpc: dict[str, list[ServiceNode]] = field(default_factory=dict)
    in_subnets: list[ServiceNode] = field(default_factory=list)
    node_data: dict[str, dict[str, Any]] = field(default_factory=dict)  # the flow graph's nodes
    may_face_internet: list[ServiceNode] = field(default_factory=list)


def _index_services(architecture: Architecture, scopes: dict[str | None, _Scope]) -> _ServiceIndex:
    """One pass over the services: at 5,000 of them, every extra pass re-reads thousands of cold objects."""
    nodes = architecture.nodes
    index = _ServiceIndex(node_data={INTERNET: {"label": "Internet"}})
    index.services = sorted((n for n in nodes.values() if isinstance(n, ServiceNode)), key=attrgetter("id"))
    shared: dict[object, tuple[Placement, str | None]] = {}  # placement and its single AZ, by parent + extras
    # Public endpoints of global/regional services and buckets may face the internet wherever they are drawn.
    public_types = architecture.catalog.types_with_role(ServiceRole.PUBLIC_ENDPOINT) | {"s3_bucket"}
    for position, service in enumerate(index.services):
        service_id, type_id, extra_subnet_ids = service.id, service.type, service.extra_subnet_ids
        where: object = (service.parent_id, *extra_subnet_ids) if extra_subnet_ids else service.parent_id
        known = shared.get(where)
        if known is None:
            placement = _placement(nodes, service, scopes)
            zones = set(placement.zones)
            known = shared[where] = (placement, zones.pop() if len(zones) == 1 else None)
        placement, zone = known
        index.placements[service_id] = placement
        if zone is not None:
            index.single_zone[service_id] = zone
        index.by_type.setdefault(type_id, []).append(service)
        index.type_positions.setdefault(type_id, []).append(position)
        if placement.vpc_id is not None:
            index.services_by_vpc.setdefault(placement.vpc_id, []).append(service)
        if placement.subnet_ids:
            index.in_subnets.append(service)
        # A service with the id "internet" merges into that node, as networkx would merge it.
        if service_id == INTERNET:
            index.node_data[INTERNET].update(type=type_id, label=service.label)
        else:
            index.node_data[service_id] = {"type": type_id, "label": service.label}
        # Only public endpoints, buckets and services in public subnets can face the internet.
        if type_id in public_types or SubnetTier.PUBLIC in placement.tiers:
            index.may_face_internet.append(service)
    return index


@dataclass
class _ConnectionIndex:
    connections: list[Connection]  # sorted by id
    by_node: dict[str, list[Connection]]
    by_kind: dict[ConnectionKind, list[Connection]]
    # One flow edge per (source, target) pair, carrying every connection drawn between them.
    edges: dict[tuple[str, str], dict[str, Any]]


def _index_connections(architecture: Architecture) -> _ConnectionIndex:
    index = _ConnectionIndex(sorted(architecture.connections.values(), key=attrgetter("id")), {}, {}, {})
    for connection in index.connections:
        source_id, target_id = connection.source_id, connection.target_id
        index.by_node.setdefault(source_id, []).append(connection)
        index.by_node.setdefault(target_id, []).append(connection)
        index.by_kind.setdefault(connection.kind, []).append(connection)
        attributes = index.edges.get((source_id, target_id))
        if attributes is None:
            index.edges[source_id, target_id] = {"kinds": {connection.kind}, "connections": [connection.id]}
        else:
            attributes["kinds"].add(connection.kind)
            attributes["connections"].append(connection.id)
    return index


def build(architecture: Architecture) -> ArchGraph:
    """A pure function of the model; nothing is kept in sync by hand."""
    scopes, containers = _scopes(architecture)
    services = _index_services(architecture, scopes)
    connections = _index_connections(architecture)
    exposures: list[tuple[str, str, dict[str, Any]]] = []
    graph = ArchGraph(
        architecture,
        architecture.catalog,
        services.placements,
        services.services,
        services.by_type,
        connections.by_node,
        connections=connections.connections,
        connections_by_kind=connections.by_kind,
        containers=containers,
        services_by_vpc=services.services_by_vpc,
        in_subnets=services.in_subnets,
        single_zone=services.single_zone,
        type_positions=services.type_positions,
        flow_parts=(services.node_data, connections.edges, exposures),
    )
    gateways: dict[str | None, str] = {}
    for gateway in services.by_type.get("internet_gateway", []):
        if gateway.parent_id in scopes:
            gateways.setdefault(scopes[gateway.parent_id].vpc_id, gateway.id)
    for node in services.may_face_internet:
        exposed, via = _internet_facing(graph, node, gateways)
        if exposed:
            exposures.append(
                (INTERNET, node.id, {"kinds": {ConnectionKind.TRAFFIC}, "connections": [], "via": via})
            )
    return graph


def attached_security_groups(graph: ArchGraph, node_id: str) -> list[ServiceNode]:
    """Security group nodes joined to the service by an attach connection (either direction), sorted by id."""
    found: dict[str, ServiceNode] = {}
    for connection in graph.connections_of(node_id):
        if connection.kind is not ConnectionKind.ATTACH:
            continue
        other_id = connection.target_id if connection.source_id == node_id else connection.source_id
        other = graph.architecture.nodes.get(other_id)
        if isinstance(other, ServiceNode) and other.type == "security_group":
            found[other.id] = other
    return [found[key] for key in sorted(found)]


def effective_ingress(graph: ArchGraph, node: ServiceNode) -> list[dict[str, object]]:
    """The service's own `ingress` rules followed by those of the security group nodes attached to it."""
    rules = [rule for rule in node.properties.get("ingress") or [] if isinstance(rule, dict)]
    if node.type != "security_group" and "security_group" in graph.by_type:
        for group in attached_security_groups(graph, node.id):
            rules.extend(rule for rule in group.properties.get("ingress") or [] if isinstance(rule, dict))
    return rules


def _internet_facing(
    graph: ArchGraph, node: ServiceNode, gateways: dict[str | None, str]
) -> tuple[bool, str | None]:
    """Whether the internet can open connections to this service directly, and through which internet gateway.

    Public endpoints of global/regional services (CloudFront, API Gateway unless its endpoint type is PRIVATE,
    Route 53, Cognito, Global Accelerator) and public buckets are reached without a gateway. A VPC-placed service needs an internet gateway in its VPC, a
    public subnet and: for a load balancer, `internet_facing`; for an EC2 instance or RDS instance, a public
    address (`associate_public_ip` / `publicly_accessible`); for anything, an ingress rule open to 0.0.0.0/0 or ::/0
    (its own or an attached security group's) — except load balancers, whose listener is the opening.
    """
    roles = graph.catalog.get(node.type).roles
    if ServiceRole.PUBLIC_ENDPOINT in roles:
        # A PRIVATE REST API answers only through interface VPC endpoints.
        return node.properties.get("endpoint_type") != "PRIVATE", None
    if node.type == "s3_bucket":
        return bool(node.properties.get("public_access")), None
    placement = graph.placements[node.id]
    gateway = gateways.get(placement.vpc_id) if placement.vpc_id is not None else None
    if gateway is None or SubnetTier.PUBLIC not in placement.tiers:
        return False, None
    if ServiceRole.LOAD_BALANCER in roles:
        return bool(node.properties.get("internet_facing")), gateway
    public_ip = node.properties.get("associate_public_ip") or node.properties.get("publicly_accessible")
    if node.type in ("ec2_instance", "rds_instance") and not public_ip:
        return False, None
    world_open = any(rule.get("cidr") in ("0.0.0.0/0", "::/0") for rule in effective_ingress(graph, node))
    return world_open, gateway if world_open else None
