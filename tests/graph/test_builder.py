"""The derived graphs: placements, the Internet node and the paths that explain exposure."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind as K
from archbuilder.graph import INTERNET, build
from archbuilder.graph.queries import (
    describe_path,
    internet_path,
    single_points_of_failure,
    tier_of,
    zones_spanned,
)
from archbuilder.model import SubnetTier
from tests.model.builders import two_az_network


def sample():
    arch = two_az_network()
    arch.add_service("internet_gateway", "vpc", node_id="igw")
    arch.add_service(
        "alb",
        "public-a",
        label="Web ALB",
        node_id="alb",
        extra_subnet_ids=["public-b"],
        properties={"internet_facing": True},
    )
    arch.add_service("ec2_instance", "private-a", label="App", node_id="app")
    arch.add_service("rds_instance", "private-a", label="DB", node_id="db", extra_subnet_ids=["private-b"])
    arch.add_service("s3_bucket", "region", label="Assets", node_id="assets")
    arch.connect("alb", "app", K.TRAFFIC, port=80)
    arch.connect("app", "db", K.TRAFFIC, port=5432)
    arch.connect("app", "assets", K.READ)
    return arch


def test_placements_resolve_subnets_zones_tiers_vpc_and_region() -> None:
    graph = build(sample())
    alb = graph.placements["alb"]
    assert (alb.subnet_ids, alb.zones, alb.tiers, alb.vpc_id, alb.region) == (
        ["public-a", "public-b"],
        ["us-east-1a", "us-east-1b"],
        [SubnetTier.PUBLIC, SubnetTier.PUBLIC],
        "vpc",
        "us-east-1",
    )
    assets = graph.placements["assets"]
    assert (assets.subnet_ids, assets.vpc_id, assets.region) == ([], None, "us-east-1")
    assert zones_spanned(graph, graph.architecture.service("db")) == {"us-east-1a", "us-east-1b"}


def test_internet_reaches_the_public_load_balancer_and_explains_the_path() -> None:
    graph = build(sample())
    assert sorted(graph.flow.successors(INTERNET)) == ["alb"]
    path = internet_path(graph, "db")
    assert path == [INTERNET, "alb", "app", "db"]
    assert describe_path(graph, path) == "Internet → internet gateway “IGW” → Web ALB → App → DB"
    assert internet_path(graph, "igw") is None


def test_containment_graph_and_tiers() -> None:
    graph = build(sample())
    assert sorted(graph.containment.successors("private-a")) == ["app", "db"]
    assert [tier_of(graph, graph.architecture.service(n)) for n in ("alb", "app", "db")] == [
        "web",
        "app",
        "data",
    ]
    assert [n.id for n in single_points_of_failure(graph)] == ["app"]
