"""Invariants of the Architecture aggregate and the events it emits."""

from __future__ import annotations

import pytest

from archbuilder.catalog import ConnectionKind
from archbuilder.model import (
    Architecture,
    AvailabilityZoneNode,
    InvariantError,
    RegionNode,
    RuleSetting,
    ServiceNode,
    SubnetNode,
    Suppression,
    VpcNode,
    dumps,
)
from tests.model.builders import two_az_network


def test_containers_nest_only_in_the_fixed_order() -> None:
    arch = two_az_network()
    with pytest.raises(
        InvariantError, match="a subnet container must be placed in an availability zone, not in a VPC"
    ):
        arch.add_node(SubnetNode(id="s", label="S", parent_id="vpc", cidr="10.0.9.0/24"))
    with pytest.raises(InvariantError, match="a az container must be placed in a VPC, not in a region"):
        arch.add_node(AvailabilityZoneNode(id="z", label="Z", parent_id="region", zone="us-east-1c"))
    with pytest.raises(
        InvariantError, match="a vpc container must be placed in a region, not outside any region"
    ):
        arch.add_node(VpcNode(id="v2", label="V2"))
    with pytest.raises(InvariantError, match="a region container must be placed outside any region"):
        arch.add_node(RegionNode(id="r2", label="R2", parent_id="vpc"))


def test_parent_must_exist_and_ids_are_unique() -> None:
    arch = two_az_network()
    with pytest.raises(InvariantError, match="parent 'nowhere' does not exist"):
        arch.add_service("s3_bucket", "nowhere")
    with pytest.raises(InvariantError, match="id 'vpc' is already used"):
        arch.add_node(VpcNode(id="vpc", label="Again", parent_id="region"))
    with pytest.raises(InvariantError, match="not a valid id"):
        arch.add_node(
            ServiceNode.model_construct(id="Bad Id", label="x", type="s3_bucket", parent_id="region")
        )


def test_catalog_decides_where_services_may_sit() -> None:
    arch = two_az_network()
    with pytest.raises(InvariantError, match="RDS cannot be placed in a VPC"):
        arch.add_service("rds_instance", "vpc")
    with pytest.raises(InvariantError, match="S3 cannot be placed in a public subnet"):
        arch.add_service("s3_bucket", "public-a")
    with pytest.raises(InvariantError, match="CloudFront cannot be placed in a region"):
        arch.add_service("cloudfront_distribution", "region")
    with pytest.raises(InvariantError, match="cannot be placed in a private subnet"):
        arch.add_service("nat_gateway", "private-a")
    assert arch.add_service("rds_instance", "private-a").parent_id == "private-a"
    assert arch.add_service("s3_bucket", "region").parent_id == "region"
    assert arch.add_service("cloudfront_distribution", None).parent_id is None
    assert arch.add_service("route53_zone", None).parent_id is None


def test_zone_must_belong_to_its_region() -> None:
    arch = two_az_network()
    with pytest.raises(InvariantError, match="availability zone eu-west-1a is not in region us-east-1"):
        arch.add_node(AvailabilityZoneNode(id="z", label="Z", parent_id="vpc", zone="eu-west-1a"))
    with pytest.raises(InvariantError, match="is not in region eu-west-1; change the zones first"):
        arch.set_container_field("region", "region", "eu-west-1")
    assert arch.node("region").region == "us-east-1"  # type: ignore[union-attr]


def test_subnet_cidr_inside_vpc_and_not_overlapping_siblings() -> None:
    arch = two_az_network()
    with pytest.raises(
        InvariantError, match=r"subnet 'Out' \(10.1.0.0/24\) is outside VPC 'Main' \(10.0.0.0/16\)"
    ):
        arch.add_node(SubnetNode(id="out", label="Out", parent_id="az-a", cidr="10.1.0.0/24"))
    # Overlap is checked across every AZ of the VPC, not only the same AZ.
    with pytest.raises(InvariantError, match=r"overlaps subnet 'Public b' \(10.0.2.0/24\)"):
        arch.add_node(SubnetNode(id="dup", label="Dup", parent_id="az-a", cidr="10.0.2.0/23"))
    with pytest.raises(InvariantError, match="is outside VPC"):
        arch.set_container_field("vpc", "cidr", "10.0.0.0/23")
    with pytest.raises(InvariantError, match="overlaps"):
        arch.set_container_field("public-a", "cidr", "10.0.1.0/24")
    arch.set_container_field("public-a", "cidr", "10.0.10.0/24")
    assert arch.node("public-a").cidr == "10.0.10.0/24"  # type: ignore[union-attr]


def test_subnet_tier_change_is_refused_when_contents_would_not_fit() -> None:
    arch = two_az_network()
    arch.add_service("nat_gateway", "public-a", node_id="nat")
    with pytest.raises(InvariantError, match="cannot be placed in a private subnet"):
        arch.set_container_field("public-a", "tier", "private")
    assert arch.node("public-a").tier == "public"  # type: ignore[union-attr]


def test_extra_subnets_must_be_in_the_same_vpc_and_allowed() -> None:
    arch = two_az_network()
    db = arch.add_service("rds_instance", "private-a", extra_subnet_ids=["private-b"], node_id="db")
    assert db.extra_subnet_ids == ["private-b"]
    with pytest.raises(InvariantError, match="lists subnet 'Private b' twice"):
        arch.set_extra_subnets("db", ["private-b", "private-b"])
    with pytest.raises(InvariantError, match="sits in one place and cannot span extra subnets"):
        arch.add_service("ec2_instance", "private-a", extra_subnet_ids=["private-b"])
    with pytest.raises(InvariantError, match="is not a subnet"):
        arch.set_extra_subnets("db", ["az-b"])


def test_removing_a_subnet_trims_extra_subnets_and_restore_puts_everything_back() -> None:
    arch = two_az_network()
    arch.add_service("rds_instance", "private-a", extra_subnet_ids=["private-b"], node_id="db")
    arch.add_service("ec2_instance", "private-b", node_id="app")
    arch.connect("app", "db", ConnectionKind.TRAFFIC, port=5432, connection_id="app-db")
    before = dumps(arch)
    removed = arch.remove_node("az-b")
    assert [n.id for n in removed.nodes] == ["az-b", "public-b", "private-b", "app"]
    assert [c.id for c in removed.connections] == ["app-db"]
    assert arch.service("db").extra_subnet_ids == []
    assert "private-b" not in arch.nodes and arch.connections == {}
    arch.restore(removed)
    assert dumps(arch) == before


def test_reparent_checks_placement_cycles_and_keeps_valid_extras() -> None:
    arch = two_az_network()
    arch.add_service("alb", "public-a", extra_subnet_ids=["public-b"], node_id="alb")
    arch.add_service("ec2_instance", "private-a", node_id="web")
    with pytest.raises(InvariantError, match="cannot be moved into itself"):
        arch.reparent_node("vpc", "az-a", 0, 0)
    with pytest.raises(InvariantError, match="EC2 cannot be placed in a region"):
        arch.reparent_node("web", "region", 0, 0)
    arch.reparent_node("web", "private-b", 12, 34)
    web = arch.service("web")
    assert (web.parent_id, web.x, web.y) == ("private-b", 12.0, 34.0)
    assert [c.id for c in arch.children("private-a")] == []
    # The ALB moves into its own extra subnet: that subnet is no longer "extra".
    arch.reparent_node("alb", "public-b", 0, 0)
    assert arch.service("alb").extra_subnet_ids == []


def test_moving_a_subnet_to_another_vpc_checks_its_cidr() -> None:
    arch = two_az_network()
    arch.add_node(VpcNode(id="other", label="Other", parent_id="region", cidr="192.168.0.0/16"))
    arch.add_node(AvailabilityZoneNode(id="other-a", label="Other a", parent_id="other", zone="us-east-1a"))
    with pytest.raises(InvariantError, match=r"is outside VPC 'Other' \(192.168.0.0/16\)"):
        arch.reparent_node("public-a", "other-a", 0, 0)
    assert arch.node("public-a").parent_id == "az-a"


def test_properties_are_checked_against_the_catalog() -> None:
    arch = two_az_network()
    fn = arch.add_service("lambda_function", "region", node_id="fn")
    assert (
        fn.properties["timeout_seconds"] == arch.catalog.get("lambda_function").defaults()["timeout_seconds"]
    )
    with pytest.raises(InvariantError, match="must be at most 900"):
        arch.set_property("fn", "timeout_seconds", 901)
    with pytest.raises(InvariantError, match="must be a whole number"):
        arch.set_property("fn", "timeout_seconds", "ten")
    with pytest.raises(InvariantError, match="lambda_function has no property 'colour'"):
        arch.set_property("fn", "colour", "red")
    arch.set_property("fn", "timeout_seconds", 900)
    assert arch.service("fn").properties["timeout_seconds"] == 900
    with pytest.raises(InvariantError, match="has no property"):
        arch.add_service("s3_bucket", "region", properties={"multi_az": True})


def test_connections_need_services_that_accept_the_kind() -> None:
    arch = two_az_network()
    arch.add_service("ec2_instance", "private-a", node_id="app")
    arch.add_service("rds_instance", "private-a", node_id="db")
    arch.add_service("s3_bucket", "region", node_id="bucket")
    with pytest.raises(InvariantError, match="cannot be connected to itself"):
        arch.connect("app", "app")
    with pytest.raises(InvariantError, match="is a vpc container, not a service"):
        arch.connect("app", "vpc")
    with pytest.raises(InvariantError, match="does not accept a invoke connection"):
        arch.connect("app", "db", ConnectionKind.INVOKE)
    connection = arch.connect("app", "db", ConnectionKind.TRAFFIC, port=5432)
    assert (connection.id, connection.port) == ("app-to-db", 5432)
    with pytest.raises(InvariantError, match="already has a traffic connection"):
        arch.connect("app", "db", ConnectionKind.TRAFFIC)
    with pytest.raises(InvariantError, match="port"):
        arch.update_connection("app-to-db", "port", 70000)
    arch.update_connection("app-to-db", "label", "SQL")
    assert arch.connection("app-to-db").label == "SQL"
    assert ConnectionKind.WRITE in arch.accepted_kinds("app", "bucket")


def test_every_change_emits_an_event() -> None:
    arch = two_az_network()
    seen: list[tuple[str, object]] = []
    events = arch.events
    events.node_added.connect(lambda node: seen.append(("added", node.id)))
    events.node_removed.connect(lambda node: seen.append(("removed", node.id)))
    events.node_changed.connect(lambda node, what: seen.append(("changed", (node.id, what))))
    events.node_reparented.connect(lambda node, old: seen.append(("reparented", (node.id, old))))
    events.connection_added.connect(lambda c: seen.append(("connected", c.id)))
    events.connection_removed.connect(lambda c: seen.append(("disconnected", c.id)))
    events.document_changed.connect(lambda what: seen.append(("document", what)))
    arch.add_service("ec2_instance", "private-a", node_id="a")
    arch.add_service("ec2_instance", "private-a", node_id="b")
    arch.move_node("a", 5, 6)
    arch.set_label("a", "Alpha")
    arch.set_property("a", "instance_type", "t3.small")
    arch.reparent_node("a", "private-b", 0, 0)
    arch.connect("a", "b", connection_id="ab")
    arch.disconnect("ab")
    arch.set_metadata("name", "Shop")
    arch.add_suppression(Suppression(rule_id="X", node_ids=("a",), reason="accepted for the demo"))
    arch.remove_node("b")
    assert seen == [
        ("added", "a"),
        ("added", "b"),
        ("changed", ("a", "position")),
        ("changed", ("a", "label")),
        ("changed", ("a", "properties.instance_type")),
        ("reparented", ("a", "private-a")),
        ("connected", "ab"),
        ("disconnected", "ab"),
        ("document", "metadata"),
        ("document", "suppressions"),
        ("removed", "b"),
    ]


def test_invalid_values_are_refused_without_changing_the_node() -> None:
    arch = two_az_network()
    with pytest.raises(InvariantError, match="finite number"):
        arch.move_node("vpc", float("nan"), 0)
    with pytest.raises(InvariantError, match="greater than 0"):
        arch.resize_container("vpc", -1, 10)
    with pytest.raises(InvariantError, match="not an IPv4 CIDR block"):
        arch.set_container_field("vpc", "cidr", "10.0.0.1/16")
    with pytest.raises(InvariantError, match="not an AWS region name"):
        arch.set_metadata("default_region", "mars-1")
    vpc = arch.node("vpc")
    assert (vpc.x, vpc.y, vpc.cidr) == (0.0, 0.0, "10.0.0.0/16")  # type: ignore[union-attr]


def test_new_ids_come_from_labels() -> None:
    arch = Architecture()
    arch.add_node(RegionNode(id="region", label="R"))
    first = arch.add_service("s3_bucket", "region", label="Assets (prod)")
    second = arch.add_service("s3_bucket", "region", label="Assets (prod)")
    assert (first.id, second.id) == ("assets-prod", "assets-prod-2")


def test_changing_a_connection_kind_keeps_the_duplicate_check_and_emits_only_a_change() -> None:
    arch = two_az_network()
    arch.add_service("lambda_function", "region", node_id="fn")
    arch.add_service("sqs_queue", "region", node_id="queue")
    arch.connect("fn", "queue", ConnectionKind.WRITE, connection_id="w")
    arch.connect("fn", "queue", ConnectionKind.READ, connection_id="r")
    added: list[str] = []
    arch.events.connection_added.connect(lambda c: added.append(c.id))
    with pytest.raises(InvariantError, match="already has a write connection"):
        arch.update_connection("r", "kind", ConnectionKind.WRITE)
    arch.update_connection("r", "kind", ConnectionKind.READ_WRITE)
    arch.disconnect("w")
    arch.connect("fn", "queue", ConnectionKind.WRITE, connection_id="w2")  # the freed pair may be used again
    assert (arch.connection("r").kind, added) == (ConnectionKind.READ_WRITE, ["w2"])


def test_nodes_connections_suppressions_and_settings_change_only_through_the_architecture() -> None:
    arch = two_az_network()
    arch.add_service("alb", "public-a", node_id="alb", extra_subnet_ids=["public-b"])
    arch.add_service("ec2_instance", "private-a", node_id="app")
    arch.connect("alb", "app", connection_id="alb-app")
    held = arch.service("app")
    before = dumps(arch)
    refusals = [
        lambda: setattr(held, "x", 5.0),
        lambda: setattr(arch.node("vpc"), "cidr", "10.9.0.0/16"),
        lambda: held.properties.__setitem__("instance_type", "t3.nano"),
        lambda: held.properties.update(instance_type="t3.nano"),
        lambda: arch.service("alb").extra_subnet_ids.append("private-b"),
        lambda: setattr(arch.connection("alb-app"), "port", 1),
        lambda: arch.rule_settings.__setitem__("REL-001", RuleSetting(enabled=False)),  # type: ignore[index]
        lambda: arch.suppressions.append(Suppression(rule_id="X", reason="just because")),  # type: ignore[attr-defined]
    ]
    for refusal in refusals:
        with pytest.raises((TypeError, ValueError, AttributeError)):
            refusal()
    assert dumps(arch) == before
    arch.move_node("app", 5, 6)
    arch.set_property("app", "instance_type", "t3.small")
    assert (held.x, held.properties.get("instance_type")) == (
        0.0,
        arch.catalog.get("ec2_instance").defaults().get("instance_type"),
    )
    now = arch.service("app")
    assert (now.x, now.y, now.properties["instance_type"]) == (5.0, 6.0, "t3.small")
    own = dict(now.properties)  # a copy is the caller's own to change
    own["instance_type"] = "t3.nano"
    assert arch.service("app").properties["instance_type"] == "t3.small"
