"""The picture of a design that every diagram export draws: AWS Cloud, region, VPC, AZ and subnet groups,
services and their copies in other AZs, the users or the internet that reach it, routed connections with
their captions, and a legend. Positions are the canvas's (what the user arranged) or an automatic layout's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Literal

from archbuilder.catalog import ConnectionKind, ServiceRole
from archbuilder.catalog.generic_types import diagram_class
from archbuilder.drawing import routing
from archbuilder.drawing.captions import place_caption_within
from archbuilder.drawing.geometry import Box, Point, bounding, segment_crosses
from archbuilder.drawing.index import BoxIndex
from archbuilder.drawing.notes import ACTOR_ICONS, Note, actor_geometry, note_of, placed_actors
from archbuilder.drawing.nudging import nudge
from archbuilder.drawing.shapes import (
    ServiceGeometry,
    absolute_boxes,
    container_title,
    copy_boxes,
    header_box,
    service_geometry,
)
from archbuilder.drawing.spans import HEADER_HEIGHT
from archbuilder.drawing.text import line_height, text_width
from archbuilder.model import Architecture, ServiceNode, SubnetNode, SubnetTier, dumps, loads
from archbuilder.model.bends import absolute_bends
from archbuilder.model.layout import auto_layout
from archbuilder.model.nodes import SERVICE_WIDTH, NodeKind

Layout = Literal["canvas", "auto"]
TITLE_BAND = 40.0  # above the drawing, for the design's name
CAPTION_SIZE = 8.0
CLOUD_PADDING = 24.0
ACTOR_GAP = 72.0  # between an actor and the AWS Cloud group
DASHED = {ConnectionKind.EVENT, ConnectionKind.POLL, ConnectionKind.SUBSCRIBE, ConnectionKind.LOGS}
DOTTED = {ConnectionKind.ATTACH, ConnectionKind.DNS, ConnectionKind.DEPLOY, ConnectionKind.REPLICATE}
# Multi-AZ services whose copy is a standby: the names of the two roles, by service type.
STANDBY_ROLES = {
    "rds_instance": ("primary", "standby"),
    "aurora_cluster": ("writer", "reader"),
    "elasticache_cluster": ("primary", "replica"),
}


@dataclass(frozen=True)
class Group:
    key: str
    kind: str  # cloud, region, vpc, az, public, private
    title: str
    detail: str
    box: Box
    header: Box


@dataclass(frozen=True)
class Shape:
    geometry: ServiceGeometry
    type_id: str  # a catalog type, or "actor:users" / "actor:internet"
    icon_class: str  # the diagrams package class whose icon it shows, e.g. aws.database.RDS
    copy: bool = False
    role: str = ""  # primary / standby (and the like) for Multi-AZ services

    @property
    def key(self) -> str:
        return self.geometry.key


@dataclass(frozen=True)
class Edge:
    key: str
    kind: str
    caption: str
    points: tuple[Point, ...]
    caption_box: Box | None
    style: str  # solid, dashed, dotted


@dataclass
class Diagram:
    title: str
    groups: list[Group] = field(default_factory=list)  # outermost first
    shapes: list[Shape] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    legend: list[tuple[str, str]] = field(default_factory=list)  # (sample kind, text)
    legend_box: Box | None = None
    notes: list[Note] = field(default_factory=list)  # notes and callouts (drawing.notes)
    ends: dict[str, tuple[str, str]] = field(default_factory=dict)  # edge key -> (source, target) shape keys
    bounds: Box = field(default_factory=lambda: Box(0, 0, 1, 1))  # the drawing, without the title band

    @property
    def picture(self) -> Box:
        """The whole exported picture: the drawing and the title band above it."""
        return Box(
            self.bounds.x, self.bounds.y - TITLE_BAND, self.bounds.width, self.bounds.height + TITLE_BAND
        )


def arranged(architecture: Architecture, layout: Layout) -> Architecture:
    """The design with the positions to draw: as arranged on the canvas, or laid out automatically (on a copy;
    also when the design was never arranged, every node still at the origin)."""
    never_arranged = len(architecture.nodes) > 1 and all(
        node.x == 0 and node.y == 0 for node in architecture.nodes.values()
    )
    if layout == "canvas" and not never_arranged:
        return architecture
    copy = loads(dumps(architecture), catalog=architecture.catalog)
    auto_layout(copy)
    return copy


def build_diagram(architecture: Architecture, layout: Layout = "canvas") -> Diagram:
    architecture = arranged(architecture, layout)
    diagram = Diagram(title=architecture.metadata.name)
    boxes = absolute_boxes(architecture)
    _add_groups(diagram, architecture, boxes)
    _add_services(diagram, architecture, boxes)
    notes = [a for a in architecture.annotations.items.values() if not a.is_actor]
    diagram.notes = [note_of(a, boxes) for a in sorted(notes, key=lambda a: a.id)]
    placed = _add_placed_actors(diagram, architecture)
    _add_edges(diagram, _connections(architecture) + placed)
    # The AWS Cloud holds everything drawn so far, routes and captions too; the actors stand outside it.
    _add_cloud(diagram)
    if not placed and not any(a.is_actor for a in architecture.annotations.items.values()):
        _add_edges(diagram, _add_actors(diagram, architecture))
    _add_legend(diagram)
    everything = [g.box for g in diagram.groups] + [s.geometry.outline for s in diagram.shapes]
    everything += [e.caption_box for e in diagram.edges if e.caption_box is not None]
    everything += [note.box for note in diagram.notes]
    if diagram.legend_box is not None:
        everything.append(diagram.legend_box)
    diagram.bounds = (bounding(everything) or Box(0, 0, 1, 1)).grown(16)
    return diagram


def _add_placed_actors(diagram: Diagram, architecture: Architecture) -> list[Wanted]:
    """The actors the user placed, as shapes, and the arrows to draw from them."""
    links: list[Wanted] = []
    for annotation, targets in placed_actors(architecture):
        geometry = actor_geometry(annotation)
        diagram.shapes.append(Shape(geometry, f"actor:{annotation.kind}", ACTOR_ICONS[annotation.kind]))
        links.extend((f"{annotation.id}-to-{t}", annotation.id, t, "traffic", "", ()) for t in targets)
    return links


def _add_cloud(diagram: Diagram) -> None:
    """The AWS Cloud group around every group, service, route and caption, first in the list (outermost);
    actors stand outside it wherever they are."""
    drawn = [g.box for g in diagram.groups]
    drawn += [s.geometry.outline for s in diagram.shapes if not s.type_id.startswith("actor:")]
    drawn += [e.caption_box for e in diagram.edges if e.caption_box is not None]
    drawn += [Box(x, y, 0, 0) for edge in diagram.edges for x, y in edge.points]
    inner = bounding(drawn)
    if inner is None:
        return
    cloud = Box(
        inner.x - CLOUD_PADDING,
        inner.y - CLOUD_PADDING - HEADER_HEIGHT,
        inner.width + 2 * CLOUD_PADDING,
        inner.height + 2 * CLOUD_PADDING + HEADER_HEIGHT,
    )
    diagram.groups.insert(
        0, Group("aws-cloud", "cloud", "AWS Cloud", "", cloud, header_box(cloud, "AWS Cloud", ""))
    )


def _add_groups(diagram: Diagram, architecture: Architecture, boxes: dict[str, Box]) -> None:
    pending: list[str | None] = [None]
    while pending:
        parent_id = pending.pop(0)
        for node in sorted(architecture.children(parent_id), key=lambda n: n.id):
            if isinstance(node, ServiceNode):
                continue
            kind = str(node.kind)
            if isinstance(node, SubnetNode):
                kind = "public" if node.tier is SubnetTier.PUBLIC else "private"
            title, detail = container_title(node)
            box = boxes[node.id]
            diagram.groups.append(Group(node.id, kind, title, detail, box, header_box(box, title, detail)))
            pending.append(node.id)


def _standby_roles(architecture: Architecture, service: ServiceNode) -> tuple[str, str] | None:
    roles = STANDBY_ROLES.get(service.type)
    if roles is None or not service.extra_subnet_ids:
        return None
    spec = next((p for p in architecture.catalog.get(service.type).properties if p.name == "multi_az"), None)
    default = spec.default if spec is not None else False
    return roles if service.properties.get("multi_az", default) is True else None


def _add_services(diagram: Diagram, architecture: Architecture, boxes: dict[str, Box]) -> None:
    collapsed = architecture.metadata.collapse_az_copies
    copies = {} if collapsed else copy_boxes(architecture, boxes)
    catalog = architecture.catalog
    for service in sorted(architecture.services(), key=lambda s: s.id):
        box = boxes[service.id]
        roles = None if collapsed else _standby_roles(architecture, service)  # collapsed: no standby drawn
        label = f"{service.label} ({roles[0]})" if roles else service.label
        label += collapsed_suffix(architecture, service)
        geometry = service_geometry(service.id, service.id, label, box.x, box.y)
        icon = diagram_class(catalog, service.type, service.properties)
        diagram.shapes.append(Shape(geometry, service.type, icon, role=roles[0] if roles else ""))
    for (service_id, subnet_id), box in sorted(copies.items()):
        service = architecture.service(service_id)
        roles = _standby_roles(architecture, service)
        label = f"{service.label} ({roles[1]})" if roles else service.label
        geometry = service_geometry(f"{service_id}@{subnet_id}", service_id, label, box.x, box.y)
        icon = diagram_class(catalog, service.type, service.properties)
        diagram.shapes.append(Shape(geometry, service.type, icon, copy=True, role=roles[1] if roles else ""))


def collapsed_suffix(architecture: Architecture, service: ServiceNode) -> str:
    """What follows a multi-AZ service's name when its copies are collapsed: the canvas's badge, " ×2 AZs"."""
    if not architecture.metadata.collapse_az_copies or not service.extra_subnet_ids:
        return ""
    return f" ×{len(az_ids(architecture, service))} AZs"


def az_ids(architecture: Architecture, service: ServiceNode) -> set[str]:
    """The AZs a service runs in: those of its subnets (a subnet outside any AZ counts as one)."""
    return {
        getattr(architecture.enclosing(subnet, NodeKind.AZ), "id", subnet)
        for subnet in [service.parent_id or "", *service.extra_subnet_ids]
        if subnet in architecture.nodes
    }


def _entries(architecture: Architecture) -> list[ServiceNode]:
    """The services users' requests enter by: the DNS zones that name a front door, and the front doors no
    other front door (or zone) sends to."""
    doors = {
        s.id: s
        for s in architecture.services()
        if ServiceRole.FRONT_DOOR in architecture.catalog.get(s.type).roles
    }
    connections = architecture.connections.values()
    zones = {c.source_id for c in connections if c.kind is ConnectionKind.DNS and c.target_id in doors}
    fed = {c.target_id for c in connections if c.source_id in doors or c.source_id in zones}
    entries = [s for i, s in doors.items() if i not in fed] + [architecture.service(z) for z in zones]
    return sorted(entries, key=lambda s: s.id)


def _add_actors(diagram: Diagram, architecture: Architecture) -> list[Wanted]:
    """Users left of the AWS Cloud, linked to the entries; the internet, linked to internet gateways, when the
    design has no front door. Returns the links to draw."""
    entries = _entries(architecture)
    actors: list[tuple[str, str, list[ServiceNode]]] = []
    if entries:
        actors.append(("users", "Users", entries))
    else:
        gateways = sorted(
            (s for s in architecture.services() if s.type == "internet_gateway"), key=lambda s: s.id
        )
        if gateways:
            actors.append(("internet", "Internet", gateways))
    if not actors or not diagram.groups:
        return []
    cloud = diagram.groups[0].box
    by_id = {shape.key: shape for shape in diagram.shapes}
    links: list[Wanted] = []
    top = cloud.y + HEADER_HEIGHT + CLOUD_PADDING
    for kind, label, targets in actors:
        aims = [by_id[t.id].geometry.aim[1] for t in targets]
        y = max(top, sum(aims) / len(aims) - 30)
        x = cloud.x - ACTOR_GAP - SERVICE_WIDTH
        geometry = service_geometry(f"actor-{kind}", f"actor-{kind}", label, x, y)
        diagram.shapes.append(Shape(geometry, f"actor:{kind}", ACTOR_ICONS[kind]))
        links.extend((f"{geometry.key}-to-{t.id}", geometry.key, t.id, "traffic", "", ()) for t in targets)
        top = geometry.footprint.bottom + 24
    return links


def connection_caption(label: str, kind: ConnectionKind, port: int | None) -> str:
    text = label or kind.value.replace("_", " ")
    return text + (f" :{port}" if port is not None else "")


# edge key, source shape, target shape, kind, caption, the bend points the user gave its route
Wanted = tuple[str, str, str, str, str, tuple[Point, ...]]


def _connections(architecture: Architecture) -> list[Wanted]:
    wanted: list[Wanted] = []
    for connection in sorted(architecture.connections.values(), key=lambda c: c.id):
        caption = connection_caption(connection.label, connection.kind, connection.port)
        wanted.append(
            (
                connection.id,
                connection.source_id,
                connection.target_id,
                connection.kind.value,
                caption,
                absolute_bends(architecture, connection),
            )
        )
    return wanted


def _add_edges(diagram: Diagram, wanted: list[Wanted]) -> None:
    """Route the wanted connections around what is drawn, then caption them where they cover nothing."""
    obstacles: BoxIndex[str] = BoxIndex()
    for shape in diagram.shapes:
        obstacles.add(shape.geometry.outline, shape.key)
    for group in diagram.groups:
        obstacles.add(group.header, group.key)
    for note in diagram.notes:
        obstacles.add(note.box, note.key)
    routes = _routes(diagram, wanted, obstacles)
    # Captions go where they cover nothing: no icon, label, header, other caption or other route's line.
    lines: BoxIndex[str] = BoxIndex()
    captions: BoxIndex[str] = BoxIndex()
    for edge in diagram.edges:
        _add_segments(lines, edge.key, edge.points)
        if edge.caption_box is not None:
            captions.add(edge.caption_box, edge.key)
    for key, points in routes.items():
        _add_segments(lines, key, points)
    # A box lies across a group's border exactly when it straddles one of its four edges (zero-width boxes,
    # indexed: testing every group for every candidate box was a third of the time at 1,000 services).
    borders: BoxIndex[int] = BoxIndex()
    for number, group in enumerate(diagram.groups):
        for side in _sides(group.box):
            borders.add(side, number)
    for key, _source_id, _target_id, kind, caption, _via in wanted:
        points = routes[key]
        caption_box = None
        if caption:
            size = (text_width(caption, CAPTION_SIZE) + 6, line_height(CAPTION_SIZE) + 2)

            def cost(box: Box, limit: float, own: str = key) -> float:
                # Borders first: a crossing outweighs most overlaps, and a box past `limit` is not looked at more.
                covered = 1000.0 * len({group for _, group in borders.near(box)})
                if covered < limit:
                    covered += sum(box.overlap_area(other) for other, _ in obstacles.near(box))
                if covered < limit:
                    covered += sum(50.0 for _, owner in lines.near(box) if owner != own)
                if covered < limit:
                    covered += sum(box.overlap_area(other) for other, _ in captions.near(box))
                return covered

            caption_box = place_caption_within(points, size, cost)
            captions.add(caption_box, key)
        style = "dashed" if kind in DASHED else "dotted" if kind in DOTTED else "solid"
        diagram.edges.append(Edge(key, kind, caption, tuple(points), caption_box, style))


def _routes(diagram: Diagram, wanted: list[Wanted], obstacles: BoxIndex[str]) -> dict[str, list[Point]]:
    """Each wanted connection's route; stretches shared with others are spread apart (drawing.nudging)."""
    shapes = {shape.key: shape for shape in diagram.shapes}
    routes: dict[str, list[Point]] = {}
    for key, source_id, target_id, _kind, _caption, via in wanted:
        source, target = shapes[source_id].geometry, shapes[target_id].geometry
        window = source.outline.united(target.outline).grown(600)
        nearby = [box for box, owner in obstacles.near(window) if owner not in (source_id, target_id)]
        routes[key] = routing.route(
            source.outline, target.outline, nearby, via=via, aims=(source.aim, target.aim)
        )
        diagram.ends[key] = (source_id, target_id)

    def crosses(a: Point, b: Point, key: str) -> bool:
        span = Box(min(a[0], b[0]), min(a[1], b[1]), abs(b[0] - a[0]) + 1e-6, abs(b[1] - a[1]) + 1e-6)
        ends = diagram.ends[key]
        return any(owner not in ends and segment_crosses(a, b, box) for box, owner in obstacles.near(span))

    return nudge(routes, crosses)


def _sides(box: Box) -> tuple[Box, Box, Box, Box]:
    """The four sides of a box, as boxes of no width or no height."""
    return (
        Box(box.x, box.y, box.width, 0.0),
        Box(box.x, box.bottom, box.width, 0.0),
        Box(box.x, box.y, 0.0, box.height),
        Box(box.right, box.y, 0.0, box.height),
    )


def _add_segments(lines: BoxIndex[str], key: str, points: Sequence[Point]) -> None:
    for (ax, ay), (bx, by) in pairwise(points):
        lines.add(Box(min(ax, bx) - 1, min(ay, by) - 1, abs(bx - ax) + 2, abs(by - ay) + 2), key)


def _add_legend(diagram: Diagram) -> None:
    """Says what the faded copies and the standby marks mean, under the AWS Cloud group's bottom left."""
    entries: list[tuple[str, str]] = []
    if any(shape.copy for shape in diagram.shapes):
        entries.append(("copy", "Faded: the same service drawn again in another AZ it spans (one resource)"))
    roles = sorted({s.role for s in diagram.shapes if s.role})
    if roles:
        entries.append(("role", f"({' / '.join(roles)}): the roles of a Multi-AZ database's copies"))
    styles = {edge.style for edge in diagram.edges}
    if "dashed" in styles:
        entries.append(("dashed", "Dashed: asynchronous (events, polling, subscriptions, logs)"))
    if "dotted" in styles:
        entries.append(("dotted", "Dotted: attachment, DNS, deployment or replication"))
    if not entries or not diagram.groups:
        return
    cloud = diagram.groups[0].box
    width = max(text_width(text, CAPTION_SIZE + 1) for _, text in entries) + 60
    height = 28 + len(entries) * 18
    diagram.legend = entries
    diagram.legend_box = Box(cloud.x, cloud.bottom + 16, width, height)
