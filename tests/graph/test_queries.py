"""The queries rules share: container chain, exposure through forwarders, gateways, security group coverage."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind as K
from archbuilder.catalog import ServiceRole
from archbuilder.graph import INTERNET, build
from archbuilder.graph.queries import (
    attached_security_groups,
    container_chain,
    describe_path,
    effective_ingress,
    ingress_allows,
    reachable_from_internet,
    services_with_role,
    types_with_role,
)
from archbuilder.model import Architecture
from tests.model.builders import two_az_network


def network(igw: bool = True) -> Architecture:
    arch = two_az_network()
    if igw:
        arch.add_service("internet_gateway", "vpc", label="Gateway", node_id="igw")
    return arch


def test_container_chain_is_innermost_first() -> None:
    arch = network()
    arch.add_service("ec2_instance", "private-b", node_id="app")
    graph = build(arch)
    assert [n.id for n in container_chain(graph, "app")] == ["private-b", "az-b", "vpc", "region"]


def test_data_store_behind_a_load_balancer_only_is_reachable_and_behind_an_app_is_not() -> None:
    arch = network()
    arch.add_service(
        "nlb",
        "public-a",
        label="Edge",
        node_id="nlb",
        extra_subnet_ids=["public-b"],
        properties={"internet_facing": True},
    )
    arch.add_service("rds_instance", "private-a", label="DB", node_id="db", extra_subnet_ids=["private-b"])
    arch.add_service("ec2_instance", "private-a", label="App", node_id="app")
    arch.add_service("elasticache_cluster", "private-a", label="Cache", node_id="cache")
    arch.connect("nlb", "db", K.TRAFFIC, port=5432)
    arch.connect("nlb", "app", K.TRAFFIC, port=80)
    arch.connect("app", "cache", K.TRAFFIC, port=6379)
    graph = build(arch)
    path = reachable_from_internet(graph, "db")
    assert path == [INTERNET, "nlb", "db"]
    assert describe_path(graph, path) == "Internet → internet gateway “Gateway” → Edge → DB"
    assert reachable_from_internet(graph, "cache") is None
    assert reachable_from_internet(graph, "app") == [INTERNET, "nlb", "app"]


def test_nothing_in_a_vpc_is_exposed_without_an_internet_gateway() -> None:
    arch = network(igw=False)
    arch.add_service(
        "alb", "public-a", node_id="alb", extra_subnet_ids=["public-b"], properties={"internet_facing": True}
    )
    arch.add_service("api_gateway_http", "region", node_id="api")
    graph = build(arch)
    assert sorted(graph.flow.successors(INTERNET)) == ["api"]


def test_an_attached_security_group_opens_an_instance_to_the_world() -> None:
    arch = network()
    arch.add_service(
        "ec2_instance", "public-a", label="Web", node_id="web", properties={"associate_public_ip": True}
    )
    arch.add_service(
        "security_group",
        "vpc",
        label="Open",
        node_id="sg",
        properties={"ingress": [{"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr": "0.0.0.0/0"}]},
    )
    graph = build(arch)
    assert not graph.flow.has_edge(INTERNET, "web")
    arch.connect("sg", "web", K.ATTACH)
    graph = build(arch)
    assert [g.id for g in attached_security_groups(graph, "web")] == ["sg"]
    assert effective_ingress(graph, arch.service("web")) == [
        {"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr": "0.0.0.0/0"}
    ]
    assert graph.flow.edges[INTERNET, "web"]["via"] == "igw"


def _pair(ingress: list[dict[str, object]], source_subnet: str = "private-a") -> Architecture:
    arch = network()
    arch.add_service("ec2_instance", source_subnet, label="App", node_id="app")
    arch.add_service(
        "rds_instance",
        "private-b",
        label="DB",
        node_id="db",
        extra_subnet_ids=["private-a"],
        properties={"ingress": ingress},
    )
    return arch


def _allows(arch: Architecture, port: int | None = 5432, protocol: str = "tcp") -> bool | None:
    graph = build(arch)
    return ingress_allows(graph, arch.service("app"), arch.service("db"), port, protocol)


def test_ingress_coverage_by_source_group_cidr_and_port() -> None:
    tcp = {"protocol": "tcp", "from_port": 5432, "to_port": 5432}
    assert _allows(_pair([])) is None  # no declared rules: the drawing is the rule
    assert _allows(_pair([{**tcp, "source_id": "app"}])) is True
    assert _allows(_pair([{**tcp, "source_id": "other"}])) is False
    assert _allows(_pair([{**tcp, "cidr": "10.0.0.0/16"}])) is True  # the VPC holds private-a (10.0.1.0/24)
    assert _allows(_pair([{**tcp, "cidr": "10.0.3.0/24"}])) is False  # only private-b
    assert _allows(_pair([{**tcp, "cidr": "0.0.0.0/0"}])) is True
    assert (
        _allows(_pair([{"protocol": "tcp", "from_port": 3306, "to_port": 3306, "source_id": "app"}])) is False
    )
    assert _allows(_pair([{"protocol": "all", "source_id": "app"}])) is True
    assert (
        _allows(_pair([{"protocol": "tcp", "from_port": 3306, "to_port": 3306, "source_id": "app"}]), None)
        is True
    )


def test_ingress_coverage_by_protocol() -> None:
    udp = {"protocol": "udp", "from_port": 5432, "to_port": 5432, "source_id": "app"}
    tcp = {**udp, "protocol": "tcp"}
    assert _allows(_pair([udp]), protocol="udp") is True
    assert _allows(_pair([tcp]), protocol="udp") is False
    assert _allows(_pair([udp]), protocol="tcp") is False
    assert _allows(_pair([tcp]), protocol="https") is True  # HTTPS runs over TCP
    assert _allows(_pair([udp]), protocol="all") is False  # all protocols need a rule for all of them
    assert _allows(_pair([{"protocol": "-1", "source_id": "app"}]), protocol="all") is True
    assert _allows(_pair([{"protocol": "icmp", "from_port": 8, "source_id": "app"}]), protocol="icmp") is True


def test_ingress_coverage_through_security_group_nodes_on_both_sides() -> None:
    arch = _pair([])
    arch.add_service("security_group", "vpc", label="App SG", node_id="app-sg")
    arch.add_service(
        "security_group",
        "vpc",
        label="DB SG",
        node_id="db-sg",
        properties={
            "ingress": [{"protocol": "tcp", "from_port": 5432, "to_port": 5432, "source_id": "app-sg"}]
        },
    )
    arch.connect("db-sg", "db", K.ATTACH)
    assert _allows(arch) is False  # the app is not in App SG yet
    arch.connect("app-sg", "app", K.ATTACH)
    assert _allows(arch) is True


def test_services_with_role_reads_the_roles_from_the_catalog() -> None:
    arch = network()
    arch.add_service("nlb", "public-a", node_id="nlb", extra_subnet_ids=["public-b"])
    arch.add_service("alb", "public-a", node_id="alb", extra_subnet_ids=["public-b"])
    arch.add_service("autoscaling_group", "private-a", node_id="asg", extra_subnet_ids=["private-b"])
    arch.add_service("global_accelerator", None, node_id="ga")
    graph = build(arch)
    assert [n.id for n in services_with_role(graph, ServiceRole.LOAD_BALANCER)] == ["alb", "nlb"]
    assert [n.id for n in services_with_role(graph, ServiceRole.FORWARDER, ServiceRole.SCALING)] == [
        "alb",
        "asg",
        "ga",
        "nlb",
    ]
    assert "igw" not in types_with_role(graph, ServiceRole.FRONT_DOOR)
    assert services_with_role(graph, ServiceRole.ORCHESTRATOR) == []
