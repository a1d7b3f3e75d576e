"""Automatic layout: containers wrap their contents, siblings never overlap, tiers line up across AZs."""

from __future__ import annotations

from archbuilder.model import AnyNode, Architecture
from archbuilder.model.layout import auto_layout
from archbuilder.model.nodes import SERVICE_HEIGHT, SERVICE_WIDTH, ServiceNode
from tests.model.builders import two_az_network


def _size(node: AnyNode) -> tuple[float, float]:
    if isinstance(node, ServiceNode):
        return SERVICE_WIDTH, SERVICE_HEIGHT
    return node.width, node.height


def _check_nesting(arch: Architecture) -> None:
    for node in arch.nodes.values():
        width, height = _size(node)
        if node.parent_id is not None:
            parent = arch.node(node.parent_id)
            assert node.x >= 0 and node.y >= 0, node.id
            assert node.x + width <= parent.width and node.y + height <= parent.height, node.id  # type: ignore[union-attr]
        siblings = [s for s in arch.children(node.parent_id) if s.id != node.id]
        for other in siblings:
            ow, oh = _size(other)
            apart = (
                node.x + width <= other.x
                or other.x + ow <= node.x
                or node.y + height <= other.y
                or other.y + oh <= node.y
            )
            assert apart, f"{node.id} overlaps {other.id}"


def test_layout_nests_without_overlap_and_aligns_tiers() -> None:
    arch = two_az_network()
    for index in range(5):
        arch.add_service("ec2_instance", "private-a", node_id=f"app-{index}")
    arch.add_service("alb", "public-b", node_id="alb")
    arch.add_service("internet_gateway", "vpc", node_id="igw")
    arch.add_service("s3_bucket", "region", node_id="bucket")
    arch.add_service("cloudfront_distribution", None, node_id="cdn")
    auto_layout(arch)
    _check_nesting(arch)
    # Five services: a 3-column grid, two rows.
    positions = [(arch.node(f"app-{i}").x, arch.node(f"app-{i}").y) for i in range(5)]
    assert positions == [(20.0, 40.0), (152.0, 40.0), (284.0, 40.0), (20.0, 152.0), (152.0, 152.0)]
    # The private subnets sit at the same height in both AZs although only one has services.
    assert arch.node("private-a").y == arch.node("private-b").y
    assert arch.node("private-a").height == arch.node("private-b").height  # type: ignore[union-attr]
    assert arch.node("public-a").y < arch.node("private-a").y
    # Global services sit on the canvas above the regions.
    assert arch.node("cdn").y < arch.node("region").y


def test_layout_is_deterministic() -> None:
    from archbuilder.model import dumps

    first, second = two_az_network(), two_az_network()
    for arch in (first, second):
        arch.add_service("ec2_instance", "private-b", node_id="app")
        auto_layout(arch)
    assert dumps(first) == dumps(second)


def test_a_service_spanning_subnets_takes_the_same_free_cell_in_each() -> None:
    arch = two_az_network()
    arch.add_service("ec2_instance", "private-a", node_id="app-a")
    arch.add_service("ec2_instance", "private-b", node_id="app-b1")
    arch.add_service("ec2_instance", "private-b", node_id="app-b2")
    arch.add_service("rds_instance", "private-a", node_id="db", extra_subnet_ids=["private-b"])
    auto_layout(arch)
    _check_nesting(arch)

    def cell(node_id: str) -> tuple[float, float]:
        return arch.node(node_id).x, arch.node(node_id).y

    # The joined subnets share a 2-column grid (private-b holds three cells); the database takes the first
    # cell, which stays empty in private-b for its copy, and the instances fill the cells after it.
    assert cell("db") == (20.0, 40.0)
    assert cell("app-a") == (152.0, 40.0)
    assert [cell("app-b1"), cell("app-b2")] == [(152.0, 40.0), (20.0, 152.0)]
    # Both private subnets are two rows high: the row height is shared across the AZs.
    assert arch.node("private-a").height == arch.node("private-b").height == 40.0 + 2 * 84 + 28 + 20  # type: ignore[union-attr]


def test_many_services_in_one_container_make_a_square_grid() -> None:
    arch = two_az_network()
    for index in range(30):
        arch.add_service("s3_bucket", "region", node_id=f"bucket-{index:02}")
    auto_layout(arch)
    _check_nesting(arch)
    columns = {arch.node(f"bucket-{index:02}").x for index in range(30)}
    rows = {arch.node(f"bucket-{index:02}").y for index in range(30)}
    assert (len(columns), len(rows)) == (6, 5)


def test_services_outside_subnets_flow_from_entry_to_data_left_to_right() -> None:
    arch = two_az_network()
    for node_id, type_id in (
        ("table", "dynamodb_table"),
        ("api", "api_gateway_rest"),
        ("queue", "sqs_queue"),
        ("handler", "lambda_function"),
    ):
        arch.add_service(type_id, "region", node_id=node_id)
    arch.connect("api", "handler", "invoke")
    arch.connect("handler", "queue", "write")
    arch.connect("handler", "table", "write")
    auto_layout(arch)
    _check_nesting(arch)
    # Ranks 0 (api), 1 (handler), 2 (queue, table): one column each, at most two rows high.
    assert {n: (arch.node(n).x, arch.node(n).y) for n in ("api", "handler", "queue", "table")} == {
        "api": (20.0, 40.0),
        "handler": (152.0, 40.0),
        "table": (284.0, 40.0),
        "queue": (284.0, 152.0),
    }


def test_azs_are_laid_out_in_zone_order_whatever_their_labels() -> None:
    arch = two_az_network()
    arch.set_label("az-a", "Zone Z")
    arch.set_label("az-b", "Zone A")
    auto_layout(arch)
    assert arch.node("az-a").x < arch.node("az-b").x


def test_a_pinned_node_keeps_its_place_and_the_others_make_room() -> None:
    arch = two_az_network()
    for index in range(3):
        arch.add_service("s3_bucket", "region", node_id=f"bucket-{index}")
    auto_layout(arch)
    arch.move_node("bucket-2", 20.0, 40.0)  # on top of bucket-0
    arch.set_pinned("bucket-2", True)
    auto_layout(arch)
    _check_nesting(arch)
    assert (arch.node("bucket-2").x, arch.node("bucket-2").y) == (20.0, 40.0)
    assert arch.node("bucket-2").pinned
    arch.set_pinned("bucket-2", False)
    auto_layout(arch)
    assert [(arch.node(f"bucket-{i}").x, arch.node(f"bucket-{i}").y) for i in range(3)] == [
        (20.0, 40.0),
        (152.0, 40.0),
        (20.0, 152.0),
    ]
