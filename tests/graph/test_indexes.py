"""The indexes the graph build collects for rules: exact contents and order."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind as K
from archbuilder.graph import build
from archbuilder.graph.queries import (
    data_flows,
    data_flows_between_vpcs,
    services_in_subnets,
    services_with_ingress,
)
from archbuilder.model import AvailabilityZoneNode, SubnetNode, VpcNode
from tests.model.builders import two_az_network


def sample():
    arch = two_az_network()
    arch.add_node(VpcNode(id="other", label="Other", parent_id="region", cidr="10.1.0.0/16"))
    arch.add_node(AvailabilityZoneNode(id="other-a", label="Other a", parent_id="other", zone="us-east-1a"))
    arch.add_node(
        SubnetNode(id="other-private", label="Other private", parent_id="other-a", cidr="10.1.0.0/24")
    )
    arch.add_service("internet_gateway", "vpc", node_id="igw")
    arch.add_service("alb", "public-a", node_id="alb", extra_subnet_ids=["public-b"])
    arch.add_service(
        "ec2_instance",
        "private-a",
        node_id="app",
        properties={"ingress": [{"protocol": "tcp", "from_port": 80, "to_port": 80, "source_id": "alb"}]},
    )
    arch.add_service("rds_instance", "private-b", node_id="db")
    arch.add_service("elasticache_cluster", "other-private", node_id="cache")
    arch.add_service("sqs_queue", "region", node_id="queue")
    arch.add_service("lambda_function", "region", node_id="worker")
    arch.connect("alb", "app", K.TRAFFIC, port=80, connection_id="c3")
    arch.connect("app", "db", K.TRAFFIC, port=5432, connection_id="c1")
    arch.connect("app", "cache", K.TRAFFIC, port=6379, connection_id="c2")
    arch.connect("app", "queue", K.WRITE, connection_id="c4")
    arch.connect("queue", "worker", K.POLL, connection_id="c5")
    return arch


def test_containers_subnets_and_services_by_vpc() -> None:
    graph = build(sample())
    assert [c.id for c in graph.containers] == [
        "region",
        "vpc",
        "az-a",
        "public-a",
        "private-a",
        "az-b",
        "public-b",
        "private-b",
        "other",
        "other-a",
        "other-private",
    ]
    assert [v.id for v in graph.vpcs] == ["other", "vpc"]
    assert {vpc: [s.id for s in subnets] for vpc, subnets in graph.subnets_by_vpc.items()} == {
        "vpc": ["public-a", "private-a", "public-b", "private-b"],
        "other": ["other-private"],
    }
    assert {vpc: [s.id for s in services] for vpc, services in graph.services_by_vpc.items()} == {
        "other": ["cache"],
        "vpc": ["alb", "app", "db", "igw"],
    }
    assert [s.id for s in services_in_subnets(graph)] == ["alb", "app", "cache", "db"]
    assert graph.single_zone == {"app": "us-east-1a", "cache": "us-east-1a", "db": "us-east-1b"}


def test_connections_by_kind_and_data_flows() -> None:
    graph = build(sample())
    assert [c.id for c in graph.connections] == ["c1", "c2", "c3", "c4", "c5"]
    assert {kind: [c.id for c in found] for kind, found in graph.connections_by_kind.items()} == {
        K.TRAFFIC: ["c1", "c2", "c3"],
        K.WRITE: ["c4"],
        K.POLL: ["c5"],
    }
    # Poll is not a data-flow kind; the Internet's exposure edges carry no connections.
    assert sorted(data_flows(graph)) == [("alb", "app"), ("app", "cache"), ("app", "db"), ("app", "queue")]
    assert data_flows_between_vpcs(graph) == [("app", "cache", "vpc", "other")]
    assert [s.id for s in services_with_ingress(graph)] == ["app"]
    assert services_with_ingress(graph, "alb") == []
