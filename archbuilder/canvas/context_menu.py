"""Right-click menus of the canvas: on a service or container (rename, pin, duplicate, delete, zoom to), on a
connection (reset its route, delete), on a note (edit, delete) and on the empty canvas (paste, a note here,
arrange, fit)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QGraphicsItem, QMenu

from archbuilder.canvas.items.annotation_item import AnnotationItem
from archbuilder.canvas.items.connection_item import ConnectionItem
from archbuilder.canvas.items.container_item import ContainerItem
from archbuilder.canvas.items.service_item import ServiceItem
from archbuilder.canvas.items.span_item import SpanItem

if TYPE_CHECKING:
    from archbuilder.canvas.view import ArchitectureView


def _owner(item: QGraphicsItem | None, view: ArchitectureView) -> QGraphicsItem | None:
    """The service, container, connection or note a clicked item belongs to (a span stands for its service)."""
    while item is not None:
        if isinstance(item, SpanItem):
            return view.arch_scene.item_for(item.service_id)
        if isinstance(item, ServiceItem | ContainerItem | ConnectionItem | AnnotationItem):
            return item
        item = item.parentItem()
    return None


def context_menu(view: ArchitectureView, scene_pos: QPointF) -> QMenu:
    """The menu for what is under `scene_pos`; the clicked item becomes the selection if it was not in it."""
    scene = view.arch_scene
    hit = next((o for i in scene.items(scene_pos) if (o := _owner(i, view)) is not None), None)
    if hit is not None and not hit.isSelected():
        scene.clearSelection()
        hit.setSelected(True)
    menu = QMenu(view)
    if isinstance(hit, ServiceItem | ContainerItem):
        _node_menu(menu, view, hit)
    elif isinstance(hit, ConnectionItem):
        document = scene.document
        reset = menu.addAction("Reset the route", lambda: document.set_waypoints(hit.connection_id, ()))
        reset.setEnabled(bool(hit.stored_bends))
        menu.addAction("Delete", scene.delete_selection)
    elif isinstance(hit, AnnotationItem):
        if not hit.annotation.is_actor:
            menu.addAction("Edit text…", lambda: scene.edit_annotation(hit))
        menu.addAction("Delete", scene.delete_selection)
    else:
        paste = menu.addAction("Paste", scene.paste)
        paste.setEnabled(bool(scene.clipboard_ids()))
        menu.addAction(
            "Add a note here", lambda: scene.document.add_annotation("note", scene_pos.x(), scene_pos.y())
        )
        menu.addSeparator()
        menu.addAction("Arrange", scene.document.arrange)
        menu.addAction("Fit to window", view.fit_all)
    return menu


def _node_menu(menu: QMenu, view: ArchitectureView, item: ServiceItem | ContainerItem) -> None:
    scene, document = view.arch_scene, view.arch_scene.document
    node = scene.architecture.node(item.node_id)
    menu.addAction("Rename\tF2", lambda: view.rename_in_place(item))
    pin = menu.addAction(
        "Unpin (Arrange may move it)" if node.pinned else "Pin (Arrange keeps it here)",
        lambda: document.set_pinned(item.node_id, not node.pinned),
    )
    pin.setData(node.pinned)
    menu.addAction("Duplicate", scene.duplicate_selection)
    menu.addAction("Delete", scene.delete_selection)
    menu.addSeparator()
    menu.addAction("Zoom to", view.zoom_to_selection)
