"""What presentation mode draws over the canvas: the top actions' numbered callouts and a halo around the
services of the finding on screen."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPen
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsItem, QGraphicsRectItem, QGraphicsSimpleTextItem

from archbuilder.exporters.diagram.callouts import COLOURS

CALLOUT_RADIUS = 13.0
HALO_COLOUR = QColor("#ff9900")
ON_TOP = 1000.0  # above every node and connection of the scene


class CalloutItem(QGraphicsEllipseItem):
    """A top action's number in a disc of its risk's colour, as on the report's diagram."""

    def __init__(self, number: int, risk: str) -> None:
        r = CALLOUT_RADIUS
        super().__init__(-r, -r, 2 * r, 2 * r)
        self.number, self.risk = number, risk
        self.setBrush(QBrush(QColor(COLOURS[risk])))
        self.setPen(QPen(QColor("white"), 2.0))
        self.setZValue(ON_TOP + 1)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresParentOpacity)
        text = QGraphicsSimpleTextItem(str(number), self)
        font = QFont()
        font.setBold(True)
        font.setPointSizeF(11)
        text.setFont(font)
        text.setBrush(QBrush(QColor("white")))
        box = text.boundingRect()
        text.setPos(-box.width() / 2, -box.height() / 2)


class HaloItem(QGraphicsRectItem):
    """A thick rounded outline around a service the finding on screen is about."""

    def __init__(self, around: QRectF) -> None:
        super().__init__(around.adjusted(-8, -8, 8, 8))
        pen = QPen(HALO_COLOUR, 5.0)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        self.setPen(pen)
        self.setBrush(QBrush(QColor(255, 153, 0, 40)))
        self.setZValue(ON_TOP)
