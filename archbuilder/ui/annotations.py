"""Insert › Note, Callout, Users, Internet, Corporate data center: where a new annotation goes and what it
points at. A note goes where the view looks; a callout beside the selected node, pointing at it; an actor
left of the selected services (or of the whole design), with arrows to them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF

from archbuilder.model.annotations import AnnotationKind

if TYPE_CHECKING:
    from archbuilder.ui.main_window import MainWindow

GAP = 60.0


def insert_annotation(window: MainWindow, kind: AnnotationKind) -> str | None:
    scene, view, document = window.scene, window.view, window.document
    selected = scene.selected_node_ids()
    services = [i for i in selected if document.architecture.node(i).kind == "service"]
    if kind == "callout":
        if not selected:
            document.status_message.emit("Select the node the callout is about, then insert it")
            return None
        target = scene.nodes_rect(selected[:1])
        x, y = target.right() + GAP, target.top() - GAP
        new_id = document.add_annotation(kind, x, y, "", selected[:1])
    elif kind in ("users", "internet", "corporate"):
        around = scene.nodes_rect(services) if services else scene.nodes_rect()
        x, y = around.left() - GAP - 96, around.center().y() - 42
        new_id = document.add_annotation(kind, x, y, "", services)
    else:
        shown: QRectF = view.mapToScene(view.viewport().rect()).boundingRect()
        new_id = document.add_annotation(kind, shown.center().x() - 90, shown.center().y() - 35, "")
    if new_id is not None:
        item = scene.annotations.items.get(new_id)
        scene.clearSelection()
        if item is not None:
            item.setSelected(True)
            if kind in ("note", "callout"):
                scene.edit_annotation(item)
    return new_id
