"""New nodes, their containers' growth and copies are headless model logic (no Qt), used by the editor."""

from __future__ import annotations

from archbuilder.model import NodeKind, SubnetNode
from archbuilder.model.copies import copies_of
from archbuilder.model.new_nodes import container_node, growth, service_node
from tests.model.builders import two_az_network


def test_new_containers_take_a_free_cidr_zone_and_region() -> None:
    arch = two_az_network()
    vpc = container_node(arch, NodeKind.VPC, "region", 0, 0)
    zone = container_node(arch, NodeKind.AZ, "vpc", 0, 0)
    subnet = container_node(arch, NodeKind.SUBNET, "az-a", 0, 0, tier="public")
    region = container_node(arch, NodeKind.REGION, None, 0, 0)
    assert (vpc.id, vpc.label, vpc.cidr, vpc.width, vpc.height) == ("vpc-2", "VPC", "10.1.0.0/16", 760, 520)  # type: ignore[union-attr]
    assert (zone.label, zone.zone) == ("AZ c", "us-east-1c")  # type: ignore[union-attr]
    assert isinstance(subnet, SubnetNode)
    assert (subnet.label, subnet.cidr, subnet.tier.value) == ("Public subnet", "10.0.4.0/24", "public")
    assert (region.label, region.region) == ("Region", "us-east-1")  # type: ignore[union-attr]


def test_growth_reaches_up_the_containers_until_one_is_big_enough() -> None:
    arch = two_az_network()
    assert growth(arch, "private-a", 380, 250, (96, 84)) == {
        "private-a": ((400.0, 300.0), (492.0, 350.0)),
        "az-a": ((400.0, 300.0), (508.0, 366.0)),
        "vpc": ((1100.0, 300.0), (1100.0, 382.0)),
    }
    assert growth(arch, "private-a", 0, 0, (96, 84)) == {}


def test_a_service_starts_with_the_catalogs_defaults_under_written_values() -> None:
    arch = two_az_network()
    node = service_node(arch.catalog, "rds_instance", "db", "private-a", properties={"multi_az": False})
    assert node.properties == {**arch.catalog.get("rds_instance").defaults(), "multi_az": False}
    assert (node.label, node.parent_id) == ("RDS", "private-a")


def test_copies_take_fresh_ids_and_keep_extra_subnets_inside_the_copy() -> None:
    arch = two_az_network()
    arch.add_service("alb", "public-a", node_id="alb", extra_subnet_ids=["public-b"])
    arch.add_service("ec2_instance", "private-a", node_id="app", x=5, y=6)
    copies = copies_of(arch, ["alb", "app", "missing"], 30, 30)
    assert (copies.roots, copies.root_copies) == (["alb", "app"], ["alb-2", "ec2"])
    alb, app = copies.nodes
    assert (alb.label, alb.x, alb.y, alb.extra_subnet_ids) == ("ALB copy", 30.0, 30.0, ["public-b"])  # type: ignore[union-attr]
    assert (app.id, app.parent_id, app.x, app.y) == ("ec2", "private-a", 35.0, 36.0)
    assert set(arch.nodes) >= {"alb", "app"} and "ec2" not in arch.nodes  # nothing added
