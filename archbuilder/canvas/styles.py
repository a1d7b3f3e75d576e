"""Colours, pens, sizes and zoom thresholds of the canvas, following the AWS architecture-diagram style."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPen

from archbuilder.model.nodes import SERVICE_HEIGHT, SERVICE_WIDTH, AnyNode, NodeKind, SubnetNode, SubnetTier

ICON_SIZE = 48
LABEL_WIDTH = SERVICE_WIDTH + 24  # labels may run a little past the footprint before they are elided
SERVICE_SIZE = (SERVICE_WIDTH, SERVICE_HEIGHT)
HEADER_HEIGHT = 32.0
HEADER_ICON_SIZE = 24
RESIZE_HANDLE_SIZE = 10.0
MIN_CONTAINER_WIDTH = 160.0
MIN_CONTAINER_HEIGHT = 90.0
CONNECT_HANDLE_RADIUS = 6.0

# Below these view scales details are hidden so that large designs stay smooth (level of detail).
DETAIL_HIDE_SERVICE_TEXT = 0.45  # service labels, connection labels, badge counts
DETAIL_HIDE_ICONS = 0.22  # service icons become flat category-coloured tiles
ZOOM_MIN = 0.02
ZOOM_MAX = 4.0

TEXT_COLOR = QColor("#232f3e")
MUTED_TEXT_COLOR = QColor("#5f6b7a")
SELECTION_COLOR = QColor("#0972d3")
ALLOWED_COLOR = QColor("#1d8102")
REFUSED_COLOR = QColor("#d13212")
CONNECTION_COLOR = QColor("#545b64")
TEMP_CONNECTION_COLOR = QColor("#0972d3")

SEVERITY_COLORS = {
    "error": QColor("#d13212"),
    "warning": QColor("#f89256"),
    "info": QColor("#0972d3"),
}
SEVERITY_ORDER = ("error", "warning", "info")


@dataclass(frozen=True)
class ContainerStyle:
    border: QColor
    fill: QColor
    header_text: QColor
    dashed: bool
    icon: str  # icon file under the diagrams package's resources/aws/, "" for none
    title: str  # kind name shown in tooltips and the palette


REGION_STYLE = ContainerStyle(
    QColor("#147eba"), QColor(0, 0, 0, 0), QColor("#147eba"), True, "aws.png", "Region"
)
VPC_STYLE = ContainerStyle(
    QColor("#248814"), QColor(0, 0, 0, 0), QColor("#248814"), False, "network/vpc.png", "VPC"
)
AZ_STYLE = ContainerStyle(
    QColor("#147eba"), QColor(0, 0, 0, 0), QColor("#147eba"), True, "", "Availability Zone"
)
PUBLIC_SUBNET_STYLE = ContainerStyle(
    QColor("#7aa116"),
    QColor("#f2f6e8"),
    QColor("#248814"),
    False,
    "network/public-subnet.png",
    "Public subnet",
)
PRIVATE_SUBNET_STYLE = ContainerStyle(
    QColor("#00a4a6"),
    QColor("#e6f6f7"),
    QColor("#147eba"),
    False,
    "network/private-subnet.png",
    "Private subnet",
)


def container_style(node: AnyNode) -> ContainerStyle:
    if isinstance(node, SubnetNode):
        return PUBLIC_SUBNET_STYLE if node.tier is SubnetTier.PUBLIC else PRIVATE_SUBNET_STYLE
    return {NodeKind.REGION: REGION_STYLE, NodeKind.VPC: VPC_STYLE, NodeKind.AZ: AZ_STYLE}[
        NodeKind(node.kind)
    ]


def container_pen(style: ContainerStyle) -> QPen:
    pen = QPen(style.border, 1.5)
    pen.setCosmetic(False)
    if style.dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


def highlight_pen(allowed: bool) -> QPen:
    return QPen(ALLOWED_COLOR if allowed else REFUSED_COLOR, 4.0)


def highlight_brush(allowed: bool) -> QBrush:
    colour = QColor(ALLOWED_COLOR if allowed else REFUSED_COLOR)
    colour.setAlpha(40)
    return QBrush(colour)


# Flat tile colours per catalog category, the AWS icon palette; used when icons are hidden at low zoom.
CATEGORY_COLORS = {
    "compute": QColor("#ed7100"),
    "containers": QColor("#ed7100"),
    "storage": QColor("#7aa116"),
    "database": QColor("#c925d1"),
    "networking": QColor("#8c4fff"),
    "content_delivery": QColor("#8c4fff"),
    "integration": QColor("#e7157b"),
    "analytics": QColor("#8c4fff"),
    "security": QColor("#dd344c"),
    "management": QColor("#e7157b"),
    "developer_tools": QColor("#c925d1"),
    "machine_learning": QColor("#01a88d"),
    "other": QColor("#7d8998"),
}


def label_font() -> QFont:
    font = QFont()
    font.setPointSizeF(8.5)
    return font


def header_font() -> QFont:
    font = QFont()
    font.setPointSizeF(9.5)
    font.setBold(True)
    return font


def cidr_font() -> QFont:
    font = QFont()
    font.setPointSizeF(8.5)
    return font
