"""Data transfer derived from the drawn connections: internet egress, cross-AZ, NAT processing, cross-region.

The model, in one paragraph: a service's `gb_transferred` is the data it sends out in a month. An internet-facing
service sends it to its clients, out of AWS. Otherwise it is spread evenly over the connections along which the
service sends data (the target of a read or a request answers; the source of a write, an event, a log or a
replication sends). A connection from a private subnet to an AWS public endpoint (S3, DynamoDB, SQS …) with no VPC
endpoint for it goes through the NAT gateway of the source's AZ (or the VPC's first, crossing AZs). A connection to
a service that is active in one AZ (a database primary, an instance) crosses AZs from the source's other AZs, and
is billed in both directions. A connection between regions is billed by the sending region.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.builder import Placement
from archbuilder.model import AnyNode, Connection, ServiceNode, SubnetTier

SENDER_IS_SOURCE = {
    ConnectionKind.WRITE,
    ConnectionKind.EVENT,
    ConnectionKind.LOGS,
    ConnectionKind.REPLICATE,
    ConnectionKind.POLL,
    ConnectionKind.SUBSCRIBE,
}
SENDER_IS_TARGET = {
    ConnectionKind.TRAFFIC,
    ConnectionKind.READ,
    ConnectionKind.READ_WRITE,
    ConnectionKind.INVOKE,
    ConnectionKind.ORIGIN,
}

# Services active in one AZ at a time: traffic to them from a caller's other AZs crosses zones.
SINGLE_ZONE_TARGETS = {
    "rds_instance",
    "aurora_cluster",
    "documentdb_cluster",
    "neptune_cluster",
    "elasticache_cluster",
    "ec2_instance",
    "redshift_cluster",
    "emr_cluster",
}

# AWS public endpoints a private subnet reaches through a NAT gateway, unless a VPC endpoint serves them.
ENDPOINT_SERVICES: dict[str, tuple[str, ...]] = {
    "s3_bucket": ("s3",),
    "dynamodb_table": ("dynamodb",),
    "sqs_queue": ("sqs",),
    "sns_topic": ("sns",),
    "secrets_manager_secret": ("secretsmanager",),
    "kinesis_stream": ("kinesis-streams",),
    "firehose_stream": ("kinesis-firehose",),
    "cloudwatch_log_group": ("logs",),
    "ssm_parameter": ("ssm",),
    "kms_key": ("kms",),
    "ecr_repository": ("ecr.api", "ecr.dkr"),
    "eventbridge_bus": ("events",),
    "step_functions": ("states",),
    "api_gateway_rest": ("execute-api",),
    "api_gateway_http": ("execute-api",),
}


def internet_facing(node: ServiceNode, properties: Callable[[ServiceNode, str], object]) -> bool:
    """Sends its `gb_transferred` out of AWS to clients on the internet (CloudFront prices its own egress)."""
    kind = node.type
    if kind in ("alb", "nlb", "clb"):
        return properties(node, "internet_facing") is True
    if kind in ("api_gateway_rest", "api_gateway_http"):
        return True
    if kind == "ec2_instance":
        return properties(node, "associate_public_ip") is True
    return False


@dataclass
class TransferVolumes:
    """GB a month, by region: out to the internet, across AZs (each direction counted), to other regions."""

    internet_out: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    cross_az: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    cross_region: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    nat_processed: dict[str, float] = field(default_factory=lambda: defaultdict(float))  # NAT id -> GB


def derive(
    graph: ArchGraph,
    sent: Callable[[ServiceNode], float],
    properties: Callable[[ServiceNode, str], object],
) -> TransferVolumes:
    """The month's transfer volumes of a design, given each service's `gb_transferred` in the scenario."""
    volumes = TransferVolumes()
    nodes = graph.architecture.nodes
    sending: dict[str, list[Connection]] = defaultdict(list)
    for connection in graph.connections:
        sender = _sender(connection)
        if sender is not None:
            sending[sender].append(connection)
    for node in graph.services:
        region = graph.placements[node.id].region
        if region is not None and internet_facing(node, properties):
            volumes.internet_out[region] += sent(node)
    router = _Router(graph, nodes, _NatRoutes(graph, properties))
    buckets = {
        "cross_region": volumes.cross_region,
        "cross_az": volumes.cross_az,
        "nat": volumes.nat_processed,
    }
    for sender_id, connections in sending.items():
        sender_node = nodes[sender_id]
        if not isinstance(sender_node, ServiceNode) or internet_facing(sender_node, properties):
            continue
        share = sent(sender_node) / len(connections)
        if share <= 0:
            continue
        for connection in connections:
            for bucket, key, fraction in router.plan(connection):
                buckets[bucket][key] += share * fraction
    return volumes


def _sender(connection: Connection) -> str | None:
    if connection.kind in SENDER_IS_SOURCE:
        return connection.source_id
    if connection.kind in SENDER_IS_TARGET:
        return connection.target_id
    return None


Plan = tuple[tuple[str, str, float], ...]  # (bucket, region or NAT id, fraction of the connection's GB)


class _Router:
    """Where a connection's data is billed, as fractions of its volume. The plan depends only on where both ends
    sit, the target's type and who sends, so connections alike share one (placements are shared objects)."""

    def __init__(self, graph: ArchGraph, nodes: Mapping[str, AnyNode], nat_routes: _NatRoutes) -> None:
        self.graph, self.nodes, self.nat_routes = graph, nodes, nat_routes
        self._plans: dict[tuple[int, int, str, bool], Plan] = {}

    def plan(self, connection: Connection) -> Plan:
        target = self.nodes[connection.target_id]
        if not isinstance(target, ServiceNode):
            return ()
        placements = self.graph.placements
        source_place, target_place = placements[connection.source_id], placements[target.id]
        key = (id(source_place), id(target_place), target.type, connection.kind in SENDER_IS_SOURCE)
        found = self._plans.get(key)
        if found is None:
            found = self._plans[key] = self._make(source_place, target_place, target.type, key[3])
        return found

    def _make(
        self, source_place: Placement, target_place: Placement, target_type: str, source_sends: bool
    ) -> Plan:
        if source_place.region and target_place.region and source_place.region != target_place.region:
            sender_place = source_place if source_sends else target_place
            return (("cross_region", sender_place.region or source_place.region, 1.0),)
        region = source_place.region or target_place.region
        zones = sorted(set(source_place.zones))
        if region is None or not zones:
            return ()
        if target_type in SINGLE_ZONE_TARGETS and target_place.zones:
            primary = target_place.zones[0]  # the subnet it is drawn in holds the primary
            away = sum(1 for zone in zones if zone != primary)
            return (("cross_az", region, 2 * away / len(zones)),) if away else ()
        plan: list[tuple[str, str, float]] = []
        if target_type in ENDPOINT_SERVICES and SubnetTier.PRIVATE in source_place.tiers:
            for zone in zones:
                routed = self.nat_routes.nat_for(source_place.vpc_id, zone, target_type)
                if routed is None:
                    continue
                nat_id, nat_zone = routed
                plan.append(("nat", nat_id, 1 / len(zones)))
                if nat_zone != zone:  # through another AZ's NAT gateway: across AZs both ways
                    plan.append(("cross_az", region, 2 / len(zones)))
        return tuple(plan)


class _NatRoutes:
    """Which NAT gateway a private subnet's traffic to an AWS endpoint takes, if no VPC endpoint serves it."""

    def __init__(self, graph: ArchGraph, properties: Callable[[ServiceNode, str], object]) -> None:
        self._nats: dict[str, list[tuple[str, str]]] = defaultdict(list)  # VPC -> (zone, NAT id), sorted
        self._endpoints: dict[str, set[str]] = defaultdict(set)  # VPC -> endpoint service names
        for node in graph.services:
            place = graph.placements[node.id]
            if place.vpc_id is None:
                continue
            if node.type == "nat_gateway" and properties(node, "connectivity") != "private" and place.zones:
                self._nats[place.vpc_id].append((place.zones[0], node.id))
            elif node.type in ("vpc_endpoint_gateway", "vpc_endpoint_interface"):
                self._endpoints[place.vpc_id].add(str(properties(node, "service")))
        for nats in self._nats.values():
            nats.sort()

    def nat_for(self, vpc_id: str | None, zone: str, target_type: str) -> tuple[str, str] | None:
        if vpc_id is None or set(ENDPOINT_SERVICES[target_type]) & self._endpoints[vpc_id]:
            return None
        nats = self._nats.get(vpc_id)
        if not nats:
            return None
        for nat_zone, nat_id in nats:
            if nat_zone == zone:
                return nat_id, nat_zone
        nat_zone, nat_id = min(nats, key=lambda pair: pair[1])
        return nat_id, nat_zone
