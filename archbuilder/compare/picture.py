"""One side of a design comparison as an SVG picture: the diagram every export draws (containers, services and
their copies, routed connections) at the canvas positions, with what changed outlined in its colour.

Plain SVG Tiny shapes only (no markers, no CSS the Qt SVG renderer ignores), so the app's Compare window and a
browser show the same picture.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from archbuilder.drawing.diagram import Diagram, Edge, Shape, build_diagram
from archbuilder.drawing.geometry import Box, Point, bounding
from archbuilder.drawing.shapes import HEADER_SIZE, LABEL_SIZE
from archbuilder.drawing.text import line_height, text_width
from archbuilder.model import Architecture

GROUP_STROKE = {
    "cloud": "#232f3e",
    "region": "#5a6b86",
    "vpc": "#248814",
    "az": "#5a6b86",
    "public": "#248814",
    "private": "#147eba",
}
PLAIN_EDGE = "#8c959f"
ARROW = 7.0  # length of an arrowhead
OUTLINE_MARGIN = 4.0  # between a service's icon and label and the frame drawn round them, where routes end
DASHES = {"dashed": ' stroke-dasharray="6 4"', "dotted": ' stroke-dasharray="2 3"', "solid": ""}


def diagram_svg(
    architecture: Architecture, marks: dict[str, str], connection_marks: dict[str, str] | None = None
) -> str:
    """`marks`: service id → colour of its outline; `connection_marks`: connection id → colour of its line."""
    diagram = build_diagram(architecture, "canvas")
    lines = connection_marks or {}
    box = _drawn_bounds(diagram)
    parts = [
        f'<rect x="{box.x:.0f}" y="{box.y:.0f}" width="{box.width:.0f}" height="{box.height:.0f}" fill="#ffffff"/>'
    ]
    parts += [_group(group.kind, group.title, group.box) for group in diagram.groups if group.kind != "cloud"]
    parts += [_edge(edge, lines.get(edge.key)) for edge in _drawn_last(diagram.edges, lines)]
    parts += [
        _shape(shape, _kind_name(architecture, shape.type_id), marks.get(shape.geometry.service_id))
        for shape in diagram.shapes
    ]
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{box.x:.0f} {box.y:.0f} {box.width:.0f} '
        f'{box.height:.0f}" width="{box.width:.0f}">{"".join(parts)}</svg>'
    )


def _drawn_bounds(diagram: Diagram) -> Box:
    """What this picture draws (the exports' AWS Cloud group and legend are left out), with a margin."""
    drawn = [group.box for group in diagram.groups if group.kind != "cloud"]
    drawn += [shape.geometry.outline.grown(OUTLINE_MARGIN) for shape in diagram.shapes]
    drawn += [Box(x, y, 0, 0) for edge in diagram.edges for x, y in edge.points]
    return (bounding(drawn) or Box(0, 0, 1, 1)).grown(12)


def _drawn_last(edges: Sequence[Edge], marked: dict[str, str]) -> list[Edge]:
    """Marked lines over plain ones, so a change is never hidden under an unchanged route."""
    return sorted(edges, key=lambda edge: edge.key in marked)


def _group(kind: str, title: str, box: Box) -> str:
    x, y, width, height = box.x, box.y, box.width, box.height
    dash = ' stroke-dasharray="6 4"' if kind in ("region", "az") else ""
    return (
        f'<rect x="{x:.0f}" y="{y:.0f}" width="{width:.0f}" height="{height:.0f}" fill="none" '
        f'stroke="{GROUP_STROKE.get(kind, "#5a6b86")}"{dash}/>'
        f'<text x="{x + 6:.0f}" y="{y + 14:.0f}" font-size="{HEADER_SIZE:g}" fill="#57606a">{escape(title)}</text>'
    )


def _edge(edge: Edge, colour: str | None) -> str:
    stroke = f'stroke="{colour}" stroke-width="3"' if colour else f'stroke="{PLAIN_EDGE}" stroke-width="1.2"'
    points = " ".join(f"{x:.0f},{y:.0f}" for x, y in edge.points)
    head = _arrowhead(edge.points[-2], edge.points[-1]) if len(edge.points) >= 2 else ""
    fill = colour or PLAIN_EDGE
    return f'<polyline points="{points}" fill="none" {stroke}{DASHES.get(edge.style, "")}/>' + (
        f'<polygon points="{head}" fill="{fill}"/>' if head else ""
    )


def _arrowhead(before: Point, tip: Point) -> str:
    """A triangle at the end of the last stretch of the route (routes are square, so it is level or upright)."""
    dx, dy = tip[0] - before[0], tip[1] - before[1]
    length = max(abs(dx), abs(dy))
    if length == 0:
        return ""
    ux, uy = dx / length, dy / length
    bx, by = tip[0] - ux * ARROW, tip[1] - uy * ARROW
    half = ARROW / 2
    corners = [tip, (bx - uy * half, by + ux * half), (bx + uy * half, by - ux * half)]
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in corners)


def _kind_name(architecture: Architecture, type_id: str) -> str:
    if type_id.startswith("actor:"):
        return ""  # its label names it
    return architecture.catalog.get(type_id).short_name if type_id in architecture.catalog else type_id


def _shape(shape: Shape, kind: str, colour: str | None) -> str:
    geometry = shape.geometry
    box = geometry.outline.grown(OUTLINE_MARGIN)
    kind_width = text_width(kind, LABEL_SIZE) + 2 * OUTLINE_MARGIN
    if kind_width > box.width:  # the service's kind fits inside its frame
        box = Box(box.x - (kind_width - box.width) / 2, box.y, kind_width, box.height)
    stroke = f'stroke="{colour}" stroke-width="4"' if colour else 'stroke="#8c959f" stroke-width="1"'
    dash = ' stroke-dasharray="5 3"' if shape.copy else ""
    centre = box.x + box.width / 2
    step = line_height(LABEL_SIZE)
    texts = "".join(
        f'<text x="{centre:.0f}" y="{geometry.label.y + step * (index + 1) - 2:.0f}" text-anchor="middle" '
        f'font-size="{LABEL_SIZE:g}" fill="#1f2328">{escape(line)}</text>'
        for index, line in enumerate(geometry.lines)
    )
    icon = geometry.icon
    kind_text = (
        f'<text x="{centre:.0f}" y="{icon.y + icon.height / 2 + 4:.0f}" text-anchor="middle" font-size="{LABEL_SIZE:g}" '
        f'fill="#57606a">{escape(kind)}</text>'
        if kind
        else ""
    )
    return (
        f'<g><rect x="{box.x:.0f}" y="{box.y:.0f}" width="{box.width:.0f}" height="{box.height:.0f}" rx="6" '
        f'fill="#ffffff" {stroke}{dash}/>{kind_text}{texts}</g>'
    )
