"""Build a three-tier web design from an empty window the way a user does: palette drops, connect mode, property
edits; then save it, reopen it and undo the whole build step by step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF

from archbuilder.canvas.interactions import CONTAINER_MIME, SERVICE_MIME
from archbuilder.catalog import ConnectionKind
from archbuilder.model import dumps, load
from archbuilder.ui.main_window import MainWindow
from tests.canvas.helpers import drag, drop


def inside(window: MainWindow, node_id: str, dx: float, dy: float) -> QPointF:
    item = window.scene.item_for(node_id)
    assert item is not None, node_id
    point = item.sceneBoundingRect().topLeft() + QPointF(dx, dy)
    window.view.centerOn(point)
    return point


def centre(window: MainWindow, node_id: str) -> QPointF:
    item = window.scene.item_for(node_id)
    assert item is not None, node_id
    return item.sceneBoundingRect().center()


def added(window: MainWindow, before: set[str]) -> str:
    [new] = set(window.document.architecture.nodes) - before
    return new


def place(window: MainWindow, mime: str, payload: str, at: QPointF) -> str:
    before = set(window.document.architecture.nodes)
    drop(window.view, mime, payload, at)
    return added(window, before)


def build_three_tier(qtbot, window: MainWindow) -> dict[str, str]:
    view = window.view
    ids: dict[str, str] = {}
    ids["region"] = place(window, CONTAINER_MIME, "region", view.mapToScene(view.viewport().rect().center()))
    ids["vpc"] = place(window, CONTAINER_MIME, "vpc", inside(window, ids["region"], 60, 160))
    ids["az-a"] = place(window, CONTAINER_MIME, "az", inside(window, ids["vpc"], 20, 90))
    ids["az-b"] = place(window, CONTAINER_MIME, "az", inside(window, ids["vpc"], 390, 90))
    for az in ("az-a", "az-b"):
        ids[f"public-{az[-1]}"] = place(
            window, CONTAINER_MIME, "subnet-public", inside(window, ids[az], 20, 40)
        )
        ids[f"private-{az[-1]}"] = place(
            window, CONTAINER_MIME, "subnet-private", inside(window, ids[az], 20, 230)
        )
    ids["igw"] = place(window, SERVICE_MIME, "internet_gateway", inside(window, ids["vpc"], 300, 40))
    ids["alb"] = place(window, SERVICE_MIME, "alb", inside(window, ids["public-a"], 60, 70))
    ids["nat"] = place(window, SERVICE_MIME, "nat_gateway", inside(window, ids["public-b"], 60, 70))
    ids["app"] = place(window, SERVICE_MIME, "autoscaling_group", inside(window, ids["private-a"], 60, 70))
    ids["db"] = place(window, SERVICE_MIME, "rds_instance", inside(window, ids["private-b"], 60, 70))
    ids["assets"] = place(window, SERVICE_MIME, "s3_bucket", inside(window, ids["region"], 60, 60))

    window.scene.kind_chooser = lambda kinds, _at: ConnectionKind.TRAFFIC  # type: ignore[assignment]
    window.menu_actions["connect_mode"].setChecked(True)
    for source, target in (("alb", "app"), ("app", "db")):
        window.view.fitInView(window.scene.itemsBoundingRect())
        drag(qtbot, view, centre(window, ids[source]), centre(window, ids[target]))
        window.menu_actions["connect_mode"].setChecked(True)
    window.menu_actions["connect_mode"].setChecked(False)

    window.scene.select_nodes([ids["app"]])
    subnets = window.properties.editors["extra_subnet_ids"]
    for row in range(subnets.count()):  # type: ignore[attr-defined]
        item = subnets.item(row)  # type: ignore[attr-defined]
        if item.data(256) == ids["private-b"]:
            item.setCheckState(item.checkState().Checked)
    window.scene.select_nodes([ids["db"]])
    window.properties.editors["engine"].setCurrentText("mysql")  # type: ignore[attr-defined]
    return ids


def test_build_a_three_tier_design_from_an_empty_window(qtbot, window: MainWindow, tmp_path: Path) -> None:
    empty = dumps(window.document.architecture)
    ids = build_three_tier(qtbot, window)
    arch = window.document.architecture
    parents = {key: arch.node(node_id).parent_id for key, node_id in ids.items()}
    assert parents == {
        "region": None,
        "vpc": ids["region"],
        "az-a": ids["vpc"],
        "az-b": ids["vpc"],
        "public-a": ids["az-a"],
        "private-a": ids["az-a"],
        "public-b": ids["az-b"],
        "private-b": ids["az-b"],
        "igw": ids["vpc"],
        "alb": ids["public-a"],
        "nat": ids["public-b"],
        "app": ids["private-a"],
        "db": ids["private-b"],
        "assets": ids["region"],
    }
    cidrs = {
        key: arch.node(ids[key]).cidr  # type: ignore[union-attr]
        for key in ("vpc", "public-a", "private-a", "public-b", "private-b")
    }
    assert cidrs == {
        "vpc": "10.0.0.0/16",
        "public-a": "10.0.0.0/24",
        "private-a": "10.0.1.0/24",
        "public-b": "10.0.2.0/24",
        "private-b": "10.0.3.0/24",
    }
    links = sorted((c.source_id, c.target_id, c.kind.value) for c in arch.connections.values())
    assert links == sorted([(ids["alb"], ids["app"], "traffic"), (ids["app"], ids["db"], "traffic")])
    assert arch.service(ids["app"]).extra_subnet_ids == [ids["private-b"]]
    assert arch.service(ids["db"]).properties["multi_az"] is True  # the catalog's default
    assert arch.service(ids["db"]).properties["engine"] == "mysql"
    stack = window.document.undo_stack
    assert [stack.text(i) for i in range(stack.count())] == [
        "Add Region",
        "Add VPC",
        "Add AZ a",
        "Add AZ b",
        "Add Public subnet",
        "Add Private subnet",
        "Add Public subnet",
        "Add Private subnet",
        "Add IGW",
        "Add ALB",
        "Add NAT",
        "Add Auto Scaling",
        "Add RDS",
        "Add S3",
        "Connect ALB → Auto Scaling",
        "Connect Auto Scaling → RDS",
        "Set subnets of Auto Scaling",
        "Set Engine",
    ]

    target = tmp_path / "built.arch.json"
    assert window._save_to(target)
    assert dumps(load(target)) == dumps(arch)

    while stack.canUndo():
        stack.undo()
    assert dumps(window.document.architecture) == empty
    assert window.scene.items() == [] or all(
        window.scene.item_for(node_id) is None for node_id in ids.values()
    )
    while stack.canRedo():
        stack.redo()
    assert dumps(window.document.architecture) == target.read_text(encoding="utf-8")
