"""Snapping while dragging: the dragged item lines up with a sibling it comes near (edges or centres, a guide
line shows which), and otherwise sits on a 10-unit grid. The other selected items keep their offsets."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsLineItem

from archbuilder.canvas import styles

if TYPE_CHECKING:
    from archbuilder.canvas.scene import ArchitectureScene

GRID = 10.0
REACH = 6.0  # how near (scene units) an edge or centre must come to snap to a sibling's


def _extent(item: QGraphicsItem) -> QRectF:
    """The item's box in its parent's coordinates (its footprint, without its label)."""
    return (
        item.mapRectToParent(item.rect())
        if hasattr(item, "rect")
        else item.mapRectToParent(item.boundingRect())
    )


def _marks(low: float, size: float) -> tuple[float, float, float]:
    return (low, low + size / 2, low + size)


class Snapper:
    def __init__(self, scene: ArchitectureScene) -> None:
        self._scene = scene
        self.enabled = True
        self._guides: list[QGraphicsLineItem] = []

    def snap(self, lead: QGraphicsItem, dragged: list[QGraphicsItem]) -> None:
        """Move `lead` to the nearest alignment or grid point and the others by as much."""
        self.clear()
        if not self.enabled:
            return
        box = _extent(lead)
        siblings = [s for s in (lead.parentItem().childItems() if lead.parentItem() else []) if s is not lead]
        siblings = [s for s in siblings if s not in dragged and hasattr(s, "node_id")]
        boxes = [_extent(s) for s in siblings]
        dx, guide_x = self._axis(box, boxes, vertical=True)
        dy, guide_y = self._axis(box, boxes, vertical=False)
        if dx or dy:
            for item in dragged:
                item.setPos(item.pos() + QPointF(dx, dy))
        parent = lead.parentItem()
        for line in (guide_x, guide_y):
            if line is not None and parent is not None:
                self._show(parent.mapToScene(line.p1()), parent.mapToScene(line.p2()))

    def _axis(self, box: QRectF, others: list[QRectF], *, vertical: bool) -> tuple[float, QLineF | None]:
        """How far to move along one axis (x when `vertical` guides), and the guide line (in parent coordinates,
        from the sibling to the dragged item) when an edge or centre comes near a sibling's."""
        low, size = (box.x(), box.width()) if vertical else (box.y(), box.height())
        best: tuple[float, QLineF] | None = None
        for other in others:
            other_low, other_size = (other.x(), other.width()) if vertical else (other.y(), other.height())
            for mine in _marks(low, size):
                for theirs in _marks(other_low, other_size):
                    shift = theirs - mine
                    if abs(shift) <= REACH and (best is None or abs(shift) < abs(best[0])):
                        both = box.united(other)
                        if vertical:
                            line = QLineF(theirs, both.top(), theirs, both.bottom())
                        else:
                            line = QLineF(both.left(), theirs, both.right(), theirs)
                        best = (shift, line)
        if best is not None:
            return best
        return round(low / GRID) * GRID - low, None

    def _show(self, a: QPointF, b: QPointF) -> None:
        guide = QGraphicsLineItem(QLineF(a, b))
        pen = QPen(styles.SELECTION_COLOR, 1, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        guide.setPen(pen)
        guide.setZValue(90)
        self._scene.addItem(guide)
        self._guides.append(guide)

    def guides(self) -> list[QLineF]:
        return [guide.line() for guide in self._guides]

    def clear(self) -> None:
        for guide in self._guides:
            if guide.scene() is not None:
                guide.scene().removeItem(guide)
        self._guides = []
