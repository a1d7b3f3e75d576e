"""Where everything of a design is drawn, in scene coordinates: container boxes and their header bands,
service footprints with their icon and label boxes, and the copies of multi-subnet services."""

from __future__ import annotations

from dataclasses import dataclass

from archbuilder.drawing.geometry import Box, Point
from archbuilder.drawing.spans import HEADER_HEIGHT, copy_places
from archbuilder.drawing.text import line_height, text_width, wrap
from archbuilder.model import Architecture, ServiceNode
from archbuilder.model.nodes import SERVICE_HEIGHT, SERVICE_WIDTH, AnyNode

ICON_SIZE = 48.0
ICON_TOP = 6.0
LABEL_TOP = ICON_TOP + ICON_SIZE + 4.0
LABEL_SIZE = 9.0  # points
LABEL_WIDTH = SERVICE_WIDTH + 24.0  # as on the canvas: a label may run a little past the footprint
HEADER_SIZE = 9.0
HEADER_ICON = 24.0


@dataclass(frozen=True)
class ServiceGeometry:
    """A service (or its copy in another subnet) as drawn: footprint, icon, label lines and their box."""

    key: str  # the service id, or "<service id>@<subnet id>" for a copy
    service_id: str
    footprint: Box
    icon: Box
    lines: tuple[str, ...]
    label: Box

    @property
    def outline(self) -> Box:
        """Icon and label: what routes go around and captions avoid."""
        return self.icon.united(self.label) if self.lines != ("",) else self.icon

    @property
    def aim(self) -> Point:
        """The icon's centre, which side ports line up with."""
        return self.icon.center


def service_geometry(key: str, service_id: str, label: str, x: float, y: float) -> ServiceGeometry:
    lines = tuple(wrap(label, LABEL_SIZE, LABEL_WIDTH))
    widest = max((text_width(line, LABEL_SIZE) for line in lines), default=0.0)
    height = line_height(LABEL_SIZE) * len(lines)
    icon = Box(x + (SERVICE_WIDTH - ICON_SIZE) / 2, y + ICON_TOP, ICON_SIZE, ICON_SIZE)
    label_box = Box(x + (SERVICE_WIDTH - widest) / 2, y + LABEL_TOP, widest, height)
    return ServiceGeometry(key, service_id, Box(x, y, SERVICE_WIDTH, SERVICE_HEIGHT), icon, lines, label_box)


def header_box(box: Box, title: str, detail: str) -> Box:
    """The band of a container's header its icon and texts take (what captions and routes keep off)."""
    width = 8.0 + HEADER_ICON + text_width(title, HEADER_SIZE) + 10.0
    if detail:
        width += text_width(detail, HEADER_SIZE - 1) + 10.0
    return Box(box.x, box.y, min(width, box.width), HEADER_HEIGHT)


def absolute_boxes(architecture: Architecture) -> dict[str, Box]:
    """Every node's box in scene coordinates (positions in the model are relative to the parent)."""
    boxes: dict[str, Box] = {}
    pending: list[tuple[str | None, float, float]] = [(None, 0.0, 0.0)]
    while pending:
        parent_id, ox, oy = pending.pop()
        for node in architecture.children(parent_id):
            x, y = ox + node.x, oy + node.y
            if isinstance(node, ServiceNode):
                boxes[node.id] = Box(x, y, SERVICE_WIDTH, SERVICE_HEIGHT)
            else:
                boxes[node.id] = Box(x, y, node.width, node.height)
                pending.append((node.id, x, y))
    return boxes


def copy_boxes(architecture: Architecture, boxes: dict[str, Box]) -> dict[tuple[str, str], Box]:
    """(service id, subnet id) -> the box of the service's copy in that extra subnet, placed as the canvas
    places it (archbuilder.drawing.spans)."""
    hosted: dict[str, list[ServiceNode]] = {}
    for service in architecture.services():
        for subnet_id in service.extra_subnet_ids:
            if subnet_id in boxes:
                hosted.setdefault(subnet_id, []).append(service)
    copies: dict[tuple[str, str], Box] = {}
    for subnet_id in sorted(hosted):
        subnet = boxes[subnet_id]
        residents = [
            Box(child.x, child.y, SERVICE_WIDTH, SERVICE_HEIGHT)
            for child in architecture.children(subnet_id)
            if isinstance(child, ServiceNode)
        ]
        wanted = [
            (service.id, (service.x, service.y), boxes[service.id].y)
            for service in sorted(hosted[subnet_id], key=lambda s: s.id)
        ]
        for service_id, (x, y) in copy_places(subnet, residents, wanted).items():
            copies[(service_id, subnet_id)] = Box(subnet.x + x, subnet.y + y, SERVICE_WIDTH, SERVICE_HEIGHT)
    return copies


def container_title(node: AnyNode) -> tuple[str, str]:
    """A container's header: its label and the CIDR, zone or region code beside it."""
    detail = str(getattr(node, "cidr", "") or getattr(node, "zone", "") or getattr(node, "region", ""))
    return node.label, "" if detail == node.label else detail
