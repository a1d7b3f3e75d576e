"""The scene mirrors the model: items, parents, headers, connections, model events, rebuilds, badges."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF

from archbuilder.canvas.items.connection_item import ConnectionItem
from archbuilder.canvas.items.container_item import ContainerItem
from archbuilder.canvas.items.service_item import ServiceItem
from archbuilder.canvas.styles import SEVERITY_COLORS
from archbuilder.model import SubnetNode
from tests.canvas.support import network


def test_every_node_has_an_item_nested_like_the_model(scene) -> None:
    arch = scene.architecture
    assert set(scene.node_items()) == set(arch.nodes)
    for node in arch.nodes.values():
        item = scene.item_for(node.id)
        parent = item.parentItem()
        assert (parent.node_id if parent is not None else None) == node.parent_id
        assert (item.pos().x(), item.pos().y()) == (node.x, node.y)
    assert isinstance(scene.item_for("db"), ServiceItem)
    assert isinstance(scene.item_for("private-a"), ContainerItem)
    assert scene.item_for("private-a").rect().width() == 400


def test_container_headers_show_label_and_cidr(scene) -> None:
    assert scene.item_for("vpc").header_texts() == ("Production VPC", "10.0.0.0/16")
    assert scene.item_for("public-b").header_texts() == ("Public subnet B", "10.0.2.0/24")
    assert scene.item_for("az-a").header_texts() == ("Availability Zone A", "us-east-1a")
    assert scene.item_for("region").header_texts() == ("US East (N. Virginia)", "us-east-1")


def test_subnet_fill_follows_tier(scene) -> None:
    public = scene.item_for("public-a").brush().color().name()
    private = scene.item_for("private-a").brush().color().name()
    assert (public, private) == ("#f2f6e8", "#e6f6f7")
    scene.architecture.set_container_field("public-a", "tier", "private")
    assert scene.item_for("public-a").brush().color().name() == "#e6f6f7"


def test_connections_are_arrows_between_their_services(scene) -> None:
    item = scene.item_for("app-a-to-db")
    assert isinstance(item, ConnectionItem)
    assert item.label_text() == "read write"
    # app-a sits at scene (140, 560) and db at (320, 560); icons are 48 px, 24 px in, 6 px down. Nothing lies
    # between them: the route is straight, from app-a's icon's right side to db's left, level with both icons.
    assert [p.toTuple() for p in item.points()] == [(140 + 24 + 48, 560 + 6 + 24), (320 + 24, 560 + 6 + 24)]
    assert item.fully_routed


def test_moving_a_container_in_the_model_reroutes_the_connections_inside(scene) -> None:
    item = scene.item_for("alb-to-app-a")
    before = item.points()[-1]
    scene.architecture.move_node("az-a", 60, 50)  # 40 px to the right
    after = item.points()[-1]
    assert (after.x() - before.x(), after.y() - before.y()) == (40, 0)


def test_model_events_add_change_reparent_and_remove_items(scene) -> None:
    arch = scene.architecture
    arch.add_service("ec2_instance", "public-b", label="Bastion host", x=30, y=50, node_id="bastion")
    item = scene.item_for("bastion")
    assert item.parentItem() is scene.item_for("public-b")
    arch.set_label("bastion", "Jump box")
    assert item.label_lines() == ["Jump box"]
    arch.reparent_node("bastion", "public-a", 200, 60)
    assert item.parentItem() is scene.item_for("public-a")
    assert item.pos() == QPointF(200, 60)
    arch.resize_container("public-a", 420, 210)
    assert scene.item_for("public-a").rect().size().toTuple() == (420, 210)
    arch.remove_node("az-a")
    assert scene.item_for("app-a") is None and scene.item_for("alb-to-app-a") is None
    assert scene.item_for("bastion") is None
    assert set(scene.node_items()) == set(arch.nodes)
    assert [i for i in scene.items() if isinstance(i, ConnectionItem)] == []


def test_long_labels_wrap_to_two_lines_and_elide(scene) -> None:
    scene.architecture.set_label("db", "Orders database primary writer instance for the checkout service")
    lines = scene.item_for("db").label_lines()
    assert lines[0] == "Orders database"
    assert len(lines) == 2 and lines[1].endswith("…")


def test_replacing_the_architecture_rebuilds_the_scene(scene, document) -> None:
    old = document.architecture
    replacement = network()
    replacement.remove_node("az-b")
    document.replace(replacement)
    assert set(scene.node_items()) == set(replacement.nodes)
    assert "app-b" not in scene.node_items()
    replacement.add_service("ec2_instance", "private-a", label="Worker", node_id="worker", x=40, y=150)
    assert scene.item_for("worker") is not None
    old.add_service("ec2_instance", "private-b", label="Stray", node_id="stray", x=40, y=150)
    assert scene.item_for("stray") is None  # the replaced architecture is no longer followed
    assert scene.architecture is document.architecture is replacement


@dataclass
class Finding:
    severity: str
    rule_id: str
    message: str
    suppressed: bool = False


def test_findings_draw_badges_coloured_by_the_worst_severity(scene) -> None:
    scene.set_findings(
        {
            "db": [
                Finding("warning", "rds-single-az", "Orders database runs in one AZ"),
                Finding("error", "rds-public", "Orders database is <b>public</b>"),
            ],
            "alb": [Finding("error", "alb-http", "Listener is plain HTTP", suppressed=True)],
            "vpc": [Finding("info", "vpc-flow-logs", "No flow logs")],
        }
    )
    badge = scene.item_for("db").badge
    assert badge.brush().color() == SEVERITY_COLORS["error"]
    assert "ERROR [rds-public] Orders database is &lt;b&gt;public&lt;/b&gt;" in badge.toolTip()
    assert "WARNING [rds-single-az] Orders database runs in one AZ" in badge.toolTip()
    assert scene.item_for("alb").badge is None  # suppressed findings are not badged
    assert scene.item_for("vpc").badge.brush().color() == SEVERITY_COLORS["info"]
    scene.set_findings({"vpc": [Finding("warning", "vpc-flow-logs", "No flow logs")]})
    assert scene.item_for("db").badge is None
    assert scene.item_for("vpc").badge.toolTip() == "WARNING [vpc-flow-logs] No flow logs"


def test_selection_round_trip(scene, qtbot) -> None:
    with qtbot.waitSignal(scene.selection_node_ids_changed) as blocker:
        scene.select_nodes(["db", "app-b"])
    assert sorted(blocker.args[0]) == ["app-b", "db"]
    assert sorted(scene.selected_node_ids()) == ["app-b", "db"]
    scene.item_for("alb-to-app-a").setSelected(True)
    assert scene.selected_connection_ids() == ["alb-to-app-a"]


def test_subnet_tier_is_kept_on_the_item(scene) -> None:
    node = scene.architecture.node("public-a")
    assert isinstance(node, SubnetNode)
    assert scene.item_for("public-a").subnet_tier == "public"


def test_a_connection_keeps_its_bounds_while_its_line_moves_inside_them(scene) -> None:
    item = scene.item_for("app-a-to-db")
    bounds = item.boundingRect()
    route = item.points()
    assert all(bounds.contains(point) for point in route)
    scene.architecture.move_node("db", 224, 64)  # a few px: same bounds, nothing re-filed in the index
    assert item.boundingRect() == bounds and item.points() != route
    assert item.shape().contains(item.middle())  # hit-testing follows the route itself
    scene.architecture.move_node("db", 220, 400)  # far: the bounds follow
    assert item.boundingRect() != bounds
    assert all(item.boundingRect().contains(point) for point in item.points())


def test_a_generic_resource_shows_its_own_services_icon_and_kind(qapp) -> None:
    """Not the grey cube: a Cognito resource the catalog does not know is drawn with Cognito's icon."""
    from archbuilder.canvas.icons import service_pixmap
    from archbuilder.canvas.scene import ArchitectureScene
    from archbuilder.editor.document import Document
    from archbuilder.model import Architecture, RegionNode

    arch = Architecture()
    arch.add_node(RegionNode(id="region", label="us-east-1", region="us-east-1"))
    arch.add_service(
        "generic",
        "region",
        label="Login domain",
        node_id="domain",
        properties={"resource_type": "AWS::Cognito::UserPoolDomain", "raw_properties": {}},
    )
    item = ArchitectureScene(Document(arch)).item_for("domain")
    shown = item._icon.pixmap().toImage()
    assert shown == service_pixmap("cognito_user_pool").toImage()
    assert shown != service_pixmap("generic").toImage()
    assert item.tooltip_text() == "Login domain\nCognito user pool domain"
