"""Questions rules ask of the graph: placement, AZ spread, exposure to the internet, tiers, single points of failure."""

from __future__ import annotations

import ipaddress
from collections import deque
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from operator import attrgetter

from archbuilder.catalog import Category, ConnectionKind, ServiceRole
from archbuilder.graph.builder import (
    FLOW_KINDS,
    INTERNET,
    ArchGraph,
    attached_security_groups,
    effective_ingress,
)
from archbuilder.model import AnyNode, ServiceNode, SubnetNode, SubnetTier

__all__ = ["attached_security_groups", "effective_ingress"]

DATA_CATEGORIES = {Category.DATABASE}
DATA_TYPES = {
    "elasticache_cluster",
    "redshift_cluster",
    "dax_cluster",
    "opensearch_domain",
    "efs_file_system",
    "msk_cluster",
}
WORLD = ("0.0.0.0/0", "::/0")


def container_chain(graph: ArchGraph, node_id: str) -> list[AnyNode]:
    """The containers holding the node, innermost first (subnet, AZ, VPC, region)."""
    return graph.architecture.ancestors(node_id)


def services_of_type(graph: ArchGraph, *types: str) -> list[ServiceNode]:
    """The services of any of `types`, sorted by id (a new list; the merge of several types is computed once)."""
    if len(types) == 1:
        return list(graph.by_type.get(types[0], []))
    present = sorted({t for t in types if t in graph.by_type})
    if len(present) <= 1:
        return list(graph.by_type[present[0]]) if present else []
    key = "of_type:" + ",".join(present)
    merged = graph.memo.get(key)
    if merged is None:
        services, positions = graph.services, graph.type_positions
        if all(t in positions for t in present):
            # Positions in the id-sorted service list: sorting integers instead of comparing ids.
            merged = [services[i] for i in sorted(i for t in present for i in positions[t])]
        else:  # a graph assembled without positions
            merged = sorted((s for t in present for s in graph.by_type[t]), key=attrgetter("id"))
        graph.memo[key] = merged
    return list(merged)


def types_with_role(graph: ArchGraph, role: ServiceRole) -> frozenset[str]:
    """The service types that play `role`, as the catalog says (for membership tests on nodes at hand)."""
    return graph.catalog.types_with_role(role)


def services_with_role(graph: ArchGraph, *roles: ServiceRole) -> list[ServiceNode]:
    """The services of the types that play any of `roles`, sorted by id (a new list)."""
    types = set().union(*(graph.catalog.types_with_role(role) for role in roles))
    return services_of_type(graph, *sorted(types))


def zones_spanned(graph: ArchGraph, node: ServiceNode) -> set[str]:
    return set(graph.placements[node.id].zones)


def zones_of_group(graph: ArchGraph, nodes: Iterable[ServiceNode]) -> set[str]:
    zones: set[str] = set()
    for node in nodes:
        zones |= zones_spanned(graph, node)
    return zones


def in_public_subnet(graph: ArchGraph, node: ServiceNode) -> bool:
    return SubnetTier.PUBLIC in graph.placements[node.id].tiers


def is_private_nat(node: ServiceNode) -> bool:
    """A NAT gateway of private connectivity: it reaches other VPCs and networks, never the internet."""
    return node.type == "nat_gateway" and node.properties.get("connectivity") == "private"


def internet_nat_gateways(graph: ArchGraph) -> list[ServiceNode]:
    """The NAT gateways that give private subnets a way out to the internet (and AWS's public endpoints)."""
    return [node for node in services_of_type(graph, "nat_gateway") if not is_private_nat(node)]


def vpcs_with(graph: ArchGraph, *types: str) -> set[str]:
    """Ids of the VPCs that hold at least one service of `types` (computed once per graph and set of types)."""
    key = "vpcs_with:" + ",".join(sorted(types))
    cached = graph.memo.get(key)
    if cached is None:
        cached = {
            vpc_id
            for service in services_of_type(graph, *types)
            if (vpc_id := graph.placements[service.id].vpc_id)
        }
        graph.memo[key] = cached
    return cached


def vpcs_with_egress(graph: ArchGraph, *endpoint_types: str) -> set[str]:
    """Ids of the VPCs whose private subnets have a way out to AWS's public endpoints: a NAT gateway to the
    internet (a private one reaches other networks only), or a VPC endpoint of `endpoint_types`."""
    key = "vpcs_with_egress:" + ",".join(sorted(endpoint_types))
    cached = graph.memo.get(key)
    if cached is None:
        natted = {
            vpc_id for nat in internet_nat_gateways(graph) if (vpc_id := graph.placements[nat.id].vpc_id)
        }
        cached = natted | (vpcs_with(graph, *endpoint_types) if endpoint_types else set())
        graph.memo[key] = cached
    return cached


def peerings(graph: ArchGraph) -> list[tuple[ServiceNode, str, str]]:
    """(peering node, its VPC id, the peer VPC id) for every VPC peering whose peer names a VPC of the design.

    `peer_vpc` names the accepter VPC by id or by its label on the canvas (case-insensitive); peers outside the
    design (an existing vpc-… id) are left out. Computed once per graph.
    """
    cached = graph.memo.get("peerings")
    if cached is None:
        by_name = {vpc.id: vpc.id for vpc in graph.vpcs} | {vpc.label.lower(): vpc.id for vpc in graph.vpcs}
        cached = []
        for peering in services_of_type(graph, "vpc_peering"):
            own = graph.placements[peering.id].vpc_id
            peer_name = str(peering.properties.get("peer_vpc") or "")
            peer = by_name.get(peer_name) or by_name.get(peer_name.lower())
            if own is not None and peer is not None and peer != own:
                cached.append((peering, own, peer))
        graph.memo["peerings"] = cached
    return cached


def in_vpc(graph: ArchGraph, node: ServiceNode) -> bool:
    return graph.placements[node.id].vpc_id is not None


def _is_data_type(graph: ArchGraph, type_id: str) -> bool:
    """Whether services of `type_id` store data (decided once per type and graph)."""
    known: dict[str, bool] | None = graph.memo.get("data_type")
    if known is None:
        known = graph.memo["data_type"] = {}
    verdict = known.get(type_id)
    if verdict is None:
        verdict = known[type_id] = (
            type_id in DATA_TYPES or graph.catalog.get(type_id).category in DATA_CATEGORIES
        )
    return verdict


def is_data_store(graph: ArchGraph, node: ServiceNode) -> bool:
    return _is_data_type(graph, node.type)


def data_stores(graph: ArchGraph) -> list[ServiceNode]:
    """Every database, cache, warehouse, search domain, file system or broker, sorted by id (once per graph)."""
    cached = graph.memo.get("data_stores")
    if cached is None:
        types = [
            t for t in graph.by_type if t in DATA_TYPES or graph.catalog.get(t).category in DATA_CATEGORIES
        ]
        cached = services_of_type(graph, *types) if types else []
        graph.memo["data_stores"] = cached
    return cached


def services_in_subnets(graph: ArchGraph) -> list[ServiceNode]:
    """Services placed in at least one subnet, sorted by id (collected while the graph is built)."""
    return graph.in_subnets


def tier_of(graph: ArchGraph, node: ServiceNode) -> str:
    """web (front door), data (stores) or app (everything that computes in between)."""
    if node.type in graph.catalog.types_with_role(ServiceRole.FRONT_DOOR):
        return "web"
    if _is_data_type(graph, node.type):
        return "data"
    return "app"


def _breadth_first_from_internet(graph: ArchGraph, forwarders_only: bool) -> dict[str, str | None]:
    """Each node reached from the Internet -> its predecessor on a shortest path; computed once per graph."""
    key = "internet_tree_forwarders" if forwarders_only else "internet_tree"
    cached = graph.memo.get(key)
    if cached is not None:
        return cached
    previous: dict[str, str | None] = {INTERNET: None}
    # Forwarders pass a request on unchanged: what stands behind one is as exposed as the forwarder itself.
    forwarders = graph.catalog.types_with_role(ServiceRole.FORWARDER)
    queue = deque([INTERNET])
    while queue:
        current = queue.popleft()
        if (
            forwarders_only
            and current != INTERNET
            and graph.flow.nodes[current].get("type") not in forwarders
        ):
            continue
        for successor in sorted(graph.flow.successors(current)):
            if successor not in previous and graph.flow.edges[current, successor]["kinds"] & FLOW_KINDS:
                previous[successor] = current
                queue.append(successor)
    graph.memo[key] = previous
    return previous


def _path_to(previous: dict[str, str | None], node_id: str) -> list[str] | None:
    if node_id not in previous:
        return None
    path = [node_id]
    while (step := previous[path[-1]]) is not None:
        path.append(step)
    return list(reversed(path))


def internet_path(graph: ArchGraph, node_id: str) -> list[str] | None:
    """The shortest chain of flow connections from the Internet to the node (ids), or None."""
    return _path_to(_breadth_first_from_internet(graph, forwarders_only=False), node_id)


def directly_exposed(graph: ArchGraph, node_id: str) -> bool:
    return graph.flow.has_edge(INTERNET, node_id)


def reachable_from_internet(graph: ArchGraph, node_id: str) -> list[str] | None:
    """The path by which the internet reaches the node with no application in between, or None.

    The node is reached when the Internet has an edge to it (see builder._internet_facing), or when a chain of flow
    connections leads to it from such a node through forwarders only (load balancers, Global Accelerator).
    A path through compute (Internet → ALB → App → DB) is not exposure: the application decides what reaches the
    data. The path is a list of ids starting with INTERNET; `describe_path` turns it into words.
    """
    return _path_to(_breadth_first_from_internet(graph, forwarders_only=True), node_id)


# Connection kinds along which one service depends on another's data or requests.
DATA_FLOW_KINDS = frozenset(
    {ConnectionKind.TRAFFIC, ConnectionKind.READ, ConnectionKind.WRITE, ConnectionKind.READ_WRITE}
)


def data_flows(graph: ArchGraph) -> list[tuple[str, str]]:
    """(source id, target id) of every pair of services joined by at least one traffic, read, write or
    read/write connection, in flow-graph order (computed once per graph; several rules walk these pairs)."""
    cached: list[tuple[str, str]] | None = graph.memo.get("data_flows")
    if cached is None:
        cached = [
            (source_id, target_id)
            for source_id, targets in graph.flow.adjacency()
            for target_id, attributes in targets.items()
            # Edges without connections are the Internet's exposure edges, not drawn connections.
            if attributes["connections"] and not DATA_FLOW_KINDS.isdisjoint(attributes["kinds"])
        ]
        graph.memo["data_flows"] = cached
    return cached


def data_flows_between_vpcs(graph: ArchGraph) -> list[tuple[str, str, str, str]]:
    """(source id, target id, source VPC id, target VPC id) of the data flows whose ends sit in two different
    VPCs (computed once per graph)."""
    cached: list[tuple[str, str, str, str]] | None = graph.memo.get("data_flows_between_vpcs")
    if cached is None:
        placements = graph.placements
        cached = []
        for source_id, target_id in data_flows(graph):
            source_vpc, target_vpc = placements[source_id].vpc_id, placements[target_id].vpc_id
            if source_vpc is not None and target_vpc is not None and source_vpc != target_vpc:
                cached.append((source_id, target_id, source_vpc, target_vpc))
        graph.memo["data_flows_between_vpcs"] = cached
    return cached


def describe_path(graph: ArchGraph, path: list[str]) -> str:
    """ "Internet → Internet gateway “IGW” → Web": labels joined by arrows, naming the gateway an edge goes through."""
    steps: list[str] = []
    for index, step in enumerate(path):
        if step == INTERNET:
            steps.append("Internet")
            continue
        if index > 0 and path[index - 1] == INTERNET:
            via = graph.flow.edges[INTERNET, step].get("via")
            if via is not None:
                steps.append(f"internet gateway “{graph.architecture.node(via).label}”")
        steps.append(graph.architecture.node(step).label)
    return " → ".join(steps)


def connected(
    graph: ArchGraph, source_id: str, target_id: str, kinds: set[ConnectionKind] | None = None
) -> bool:
    if not graph.flow.has_edge(source_id, target_id):
        return False
    return kinds is None or bool(graph.flow.edges[source_id, target_id]["kinds"] & kinds)


def neighbours_of_type(
    graph: ArchGraph, node_id: str, types: AbstractSet[str], direction: str = "out"
) -> list[ServiceNode]:
    ids = graph.flow.successors(node_id) if direction == "out" else graph.flow.predecessors(node_id)
    data = graph.flow.nodes
    found = []
    for other in ids:
        # The flow node carries the service type: fetch only the services that match.
        if other == INTERNET or data[other].get("type") not in types:
            continue
        service = graph.architecture.node(other)
        if isinstance(service, ServiceNode) and service.type in types:
            found.append(service)
    return sorted(found, key=lambda s: s.id)


def single_points_of_failure(graph: ArchGraph) -> list[ServiceNode]:
    """Zonal services (one subnet, no extra subnets, not Multi-AZ) that other services depend on."""
    found = []
    for node in graph.services:
        placement = graph.placements[node.id]
        if len(set(placement.zones)) != 1 or node.properties.get("multi_az"):
            continue
        if any(pred != INTERNET for pred in graph.flow.predecessors(node.id)):
            found.append(node)
    return sorted(found, key=lambda s: s.id)


def services_with_ingress(graph: ArchGraph, *types: str) -> list[ServiceNode]:
    """The services (of `types`, or all) that declare ingress rules of their own, sorted by id. Rules about
    ingress start from these: reading every service's properties happens once per graph, not once per rule."""
    found: list[ServiceNode] | None = graph.memo.get("with_ingress")
    if found is None:
        found = graph.memo["with_ingress"] = [s for s in graph.services if s.properties.get("ingress")]
    return [s for s in found if s.type in types] if types else list(found)


def ingress_rules(node: ServiceNode) -> list[dict[str, object]]:
    rules = node.properties.get("ingress")
    if not rules:
        return []  # most services declare none; several rules ask for every service
    return [rule for rule in rules if isinstance(rule, dict)]


def rule_covers_port(rule: dict[str, object], port: int) -> bool:
    if rule.get("protocol") in ("-1", "all"):
        return True
    low, high = rule.get("from_port"), rule.get("to_port", rule.get("from_port"))
    if low is None:
        return False
    if low == -1:
        return True
    return int(low) <= port <= int(high if high is not None else low)  # type: ignore[call-overload]


def open_to_world(rule: dict[str, object]) -> bool:
    return rule.get("cidr") in WORLD


def world_ingress(graph: ArchGraph, *types: str) -> list[tuple[ServiceNode, list[dict[str, object]]]]:
    """The services of `types` with ingress rules open to the whole internet, each with those rules in
    document order, sorted by id: where the rules about ports open to the world start."""
    found = []
    for node in services_with_ingress(graph, *types):
        rules = [rule for rule in ingress_rules(node) if open_to_world(rule)]
        if rules:
            found.append((node, rules))
    return found


def _source_networks(
    graph: ArchGraph, source: ServiceNode
) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    networks = []
    for subnet_id in graph.placements[source.id].subnet_ids:
        subnet = graph.architecture.nodes.get(subnet_id)
        if isinstance(subnet, SubnetNode):
            try:
                networks.append(ipaddress.ip_network(subnet.cidr, strict=False))
            except ValueError:
                continue
    return networks


def _cidr_covers(cidr: object, networks: list[ipaddress.IPv4Network | ipaddress.IPv6Network]) -> bool:
    if cidr in WORLD:
        return True
    try:
        allowed = ipaddress.ip_network(str(cidr), strict=False)
    except ValueError:
        return False
    return bool(networks) and all(
        net.version == allowed.version and net.subnet_of(allowed)  # type: ignore[arg-type]
        for net in networks
    )


# The protocols the export's rule for a drawn traffic connection carries: it opens TCP on the connection's port on
# the target's own group (exporters/cloudformation/network.py, _connection_rule); HTTP and HTTPS run over TCP.
OVER_TCP = frozenset({"tcp", "http", "https"})


def rule_covers_protocol(rule: dict[str, object], protocol: str) -> bool:
    """Whether a declared rule lets `protocol` through: a rule for all protocols ("all"/"-1") lets any through, a
    connection over all protocols needs such a rule, else the rule's protocol ("tcp" unless said) must match."""
    declared = str(rule.get("protocol", "tcp"))
    if declared in ("-1", "all"):
        return True
    return protocol != "all" and declared == ("tcp" if protocol in OVER_TCP else protocol)


def ingress_allows(
    graph: ArchGraph, source: ServiceNode, target: ServiceNode, port: int | None, protocol: str = "tcp"
) -> bool | None:
    """Whether a declared rule of the target's security groups lets `source` in on `port` over `protocol`; None
    when the target declares no rules.

    The decision, precisely:
    - The target's declared rules are its own `ingress` plus those of security group nodes attached to it. The
      export adds one TCP rule per traffic connection on the target's own group besides them, which this does not
      count (SEC-008 reads it from the connection).
    - A rule allows the connection when its protocol covers `protocol` (rule_covers_protocol), its port range
      covers `port` (protocol "all"/"-1" or from_port -1 cover every port; an unknown `port` or ICMP, whose rules
      name types rather than ports, is covered by any rule) and its source matches: a `source_id` equal to the
      source service or to a security group node attached to the source; or a `cidr` of 0.0.0.0/0 or ::/0; or a
      `cidr` containing every subnet the source sits in. A source outside any subnet (e.g. a Lambda function not
      in a VPC) is matched only by source_id or a world-open cidr.
    """
    rules = effective_ingress(graph, target)
    if not rules:
        return None
    source_groups = {source.id} | {group.id for group in attached_security_groups(graph, source.id)}
    networks = _source_networks(graph, source)
    for rule in rules:
        if not rule_covers_protocol(rule, protocol):
            continue
        if port is not None and protocol != "icmp" and not rule_covers_port(rule, port):
            continue
        source_id = rule.get("source_id")
        if source_id is not None:
            if source_id in source_groups:
                return True
        elif "cidr" in rule and _cidr_covers(rule["cidr"], networks):
            return True
    return False
