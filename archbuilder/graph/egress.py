"""Ways out of a VPC: which AWS APIs and internet endpoints a service in private subnets can reach.

A NAT gateway to the internet reaches everything; a VPC endpoint reaches only its own service (an S3 gateway
endpoint reaches S3, not SQS); a private NAT gateway reaches other networks, never the internet. The catalog
names each AWS API's endpoint service (`endpoint_service:`), so these questions are asked per destination.
"""

from __future__ import annotations

from archbuilder.graph.builder import INTERNET, ArchGraph
from archbuilder.graph.queries import services_of_type, vpcs_with_egress
from archbuilder.model import ServiceNode


def endpoint_service_name(value: object) -> str:
    """The service part of an endpoint's service name: "com.amazonaws.us-east-1.ecr.dkr" and "ecr.dkr" both
    give "ecr.dkr" (lower case; empty when nothing is written)."""
    text = str(value or "").strip().lower()
    parts = text.split(".")
    if len(parts) >= 4 and parts[:2] == ["com", "amazonaws"]:
        return ".".join(parts[3:])
    return text


def endpoint_services(graph: ArchGraph) -> dict[str, frozenset[str]]:
    """VPC id -> the services its gateway and interface endpoints reach (computed once per graph)."""
    cached: dict[str, frozenset[str]] | None = graph.memo.get("egress:endpoints")
    if cached is None:
        found: dict[str, set[str]] = {}
        for endpoint in services_of_type(graph, "vpc_endpoint_gateway", "vpc_endpoint_interface"):
            vpc_id = graph.placements[endpoint.id].vpc_id
            service = endpoint_service_name(endpoint.properties.get("service"))
            if vpc_id is not None and service:
                found.setdefault(vpc_id, set()).add(service)
        cached = {vpc_id: frozenset(services) for vpc_id, services in found.items()}
        graph.memo["egress:endpoints"] = cached
    return cached


def api_endpoint(graph: ArchGraph, type_id: str) -> str | None:
    """The endpoint service that reaches services of `type_id` privately, or None when they are no AWS API."""
    service_type = graph.catalog.find(type_id)
    return service_type.endpoint_service if service_type is not None else None


def reaches_api(graph: ArchGraph, vpc_id: str, type_id: str) -> bool:
    """Whether private subnets of the VPC reach the API of services of `type_id`: through a NAT gateway to the
    internet or an endpoint for that very service (always, for types that are no AWS API)."""
    service = api_endpoint(graph, type_id)
    if service is None or vpc_id in vpcs_with_egress(graph):
        return True
    return service in endpoint_services(graph).get(vpc_id, frozenset())


def called_services(graph: ArchGraph, node: ServiceNode) -> list[ServiceNode]:
    """The services `node` sends requests or data to (its flow connections), sorted by id."""
    nodes = graph.architecture.nodes
    found = [nodes.get(target_id) for target_id in sorted(graph.flow.successors(node.id))]
    return [target for target in found if isinstance(target, ServiceNode)]


def unreachable_apis(graph: ArchGraph, node: ServiceNode, vpc_id: str) -> list[ServiceNode]:
    """The AWS APIs `node` calls that no way out of its VPC reaches, sorted by id."""
    if vpc_id in vpcs_with_egress(graph):
        return []
    return [target for target in called_services(graph, node) if not reaches_api(graph, vpc_id, target.type)]


def internet_only(graph: ArchGraph, node: ServiceNode) -> bool:
    """Whether `node` answers only on the public internet: the internet reaches it directly (an internet-facing
    load balancer, a public API or distribution, an accelerator) and no VPC endpoint leads to it."""
    return graph.flow.has_edge(INTERNET, node.id) and api_endpoint(graph, node.type) is None
