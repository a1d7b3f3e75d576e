"""Numbered callouts drawn over a rendered diagram, at the nodes a review's actions touch.

An overlay on the finished drawing, not part of the layout: the boxes of the nodes are read back from the SVG
graphviz wrote (a node's group is titled with its id), and the same boxes, scaled, place the callouts on the PNG.
"""

from __future__ import annotations

import html
import io
import re
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

import reportlab
from PIL import Image, ImageDraw, ImageFont

from archbuilder.exporters.diagram.build import render
from archbuilder.model import Architecture

SVG_NS = "{http://www.w3.org/2000/svg}"
RADIUS = 11.0  # in diagram points; a callout is about as tall as a line of the labels
COLOURS = {"high": "#d13212", "medium": "#c45500", "low": "#0073bb"}
# Vera Sans Bold ships with reportlab, so the numbers look the same on every machine.
FONT_FILE = Path(reportlab.__file__).resolve().parent / "fonts" / "VeraBd.ttf"


@dataclass(frozen=True)
class Box:
    """A node's drawn box in the SVG's own units (points), y growing downwards."""

    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Callout:
    number: int
    risk: str  # "high", "medium" or "low": the colour


@dataclass(frozen=True)
class CalloutDiagram:
    svg: bytes  # with the callouts
    png: bytes  # with the callouts
    plain_png: bytes  # without them, for formats that draw their own (slides)
    size: tuple[float, float]  # the SVG's width and height in points
    boxes: dict[str, Box]  # node id -> box, in points


def node_boxes(svg: bytes) -> tuple[dict[str, Box], tuple[float, float]]:
    """Each node's and container's box, by id, and the drawing's size, from graphviz's SVG."""
    root = ElementTree.fromstring(svg)
    # The drawing's own units are points: graphviz scales the content by dpi/72 but leaves the viewBox in
    # unscaled points, so the size comes from width and height (see `fit_view_box`).
    size = (_points(root.attrib["width"]), _points(root.attrib["height"]))
    graph = root.find(f"{SVG_NS}g")
    if graph is None:
        return {}, size
    scale, dx, dy = _transform(graph.attrib.get("transform", ""))
    boxes = {}
    for group in graph.iter(f"{SVG_NS}g"):
        kind = group.attrib.get("class")
        title = group.find(f"{SVG_NS}title")
        if kind not in ("node", "cluster") or title is None or not title.text:
            continue
        name = html.unescape(title.text)
        node_id = name.removeprefix("cluster_") if kind == "cluster" else name
        box = _box_of(group)
        if box is not None and "__" not in node_id:  # copies of a service in other subnets carry no callout
            x, y, width, height = box
            boxes[node_id] = Box(scale * (x + dx), scale * (y + dy), scale * width, scale * height)
    return boxes, size


def _points(length: str) -> float:
    return float(length.removesuffix("pt").removesuffix("px"))


def fit_view_box(svg: str) -> str:
    """A viewBox as large as the drawing: with a dpi other than 72, graphviz writes content scaled by dpi/72 in
    a viewBox of the unscaled size, which browsers then show enlarged and cut off."""
    root_start = svg.index("<svg")
    root_end = svg.index(">", root_start)
    root = svg[root_start:root_end]
    width = re.search(r'width="([\d.]+)(?:pt|px)?"', root)
    height = re.search(r'height="([\d.]+)(?:pt|px)?"', root)
    if width is None or height is None:
        return svg
    fitted = re.sub(r'viewBox="[^"]*"', f'viewBox="0.00 0.00 {width.group(1)} {height.group(1)}"', root)
    return svg[:root_start] + fitted + svg[root_end:]


def _transform(text: str) -> tuple[float, float, float]:
    scale = re.search(r"scale\(([-\d.]+)", text)
    translate = re.search(r"translate\(([-\d.]+)[ ,]+([-\d.]+)\)", text)
    return (
        float(scale.group(1)) if scale else 1.0,
        float(translate.group(1)) if translate else 0.0,
        float(translate.group(2)) if translate else 0.0,
    )


def _box_of(group: ElementTree.Element) -> tuple[float, float, float, float] | None:
    """The icon of a service; the outline of a container or of a node drawn as a shape."""
    image = group.find(f"{SVG_NS}image")
    if image is not None:
        width, height = (float(image.attrib[k].removesuffix("px")) for k in ("width", "height"))
        return float(image.attrib["x"]), float(image.attrib["y"]), width, height
    shape = group.find(f"{SVG_NS}polygon")
    if shape is None:
        return None
    points = [tuple(float(v) for v in pair.split(",")) for pair in shape.attrib["points"].split()]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)


# Callouts side by side along a node's top edge before the next ones go down its right edge: four or five in one
# row would reach past the icon and over the connections and labels beside it.
ROW = 3


def slots(count: int) -> list[tuple[int, int]]:
    """Where a node's callouts go, in reading order, as (steps left of the top-right corner, steps down from it):
    up to three along the top edge ending on the corner, the rest down the right edge below it. The diagram, the
    slides and presentation mode place their callouts by these slots, each at its own spacing."""
    across = min(count, ROW)
    return [(across - 1 - i, 0) if i < across else (0, i - across + 1) for i in range(count)]


def anchors(box: Box, count: int, is_icon: bool) -> list[tuple[float, float]]:
    """Centres of a node's callouts, in reading order, from the slots at an icon's top-right corner (inside a
    container's)."""
    if is_icon:
        x, y = box.x + box.width, box.y
    else:
        x, y = box.x + box.width - RADIUS - 4, box.y + RADIUS + 4
    step = 2.3 * RADIUS
    return [(x - left * step, y + down * step) for left, down in slots(count)]


def draw_on_svg(
    svg: bytes, boxes: dict[str, Box], callouts: dict[str, list[Callout]], icons: set[str]
) -> bytes:
    shapes = []
    for node_id, marks in sorted(callouts.items()):
        if node_id not in boxes:
            continue
        for (cx, cy), mark in zip(anchors(boxes[node_id], len(marks), node_id in icons), marks, strict=True):
            shapes.append(
                f'<g class="callout"><circle cx="{cx:.1f}" cy="{cy:.1f}" r="{RADIUS}" fill="{COLOURS[mark.risk]}" '
                f'stroke="white" stroke-width="2"/><text x="{cx:.1f}" y="{cy + 4.5:.1f}" text-anchor="middle" '
                f'font-family="Helvetica,sans-Serif" font-weight="bold" font-size="13" fill="white">'
                f"{mark.number}</text></g>"
            )
    text = fit_view_box(svg.decode("utf-8"))
    end = text.rindex("</svg>")
    return (text[:end] + "\n".join(shapes) + "\n" + text[end:]).encode("utf-8")


def draw_on_png(
    png: bytes,
    size: tuple[float, float],
    boxes: dict[str, Box],
    callouts: dict[str, list[Callout]],
    icons: set[str],
) -> bytes:
    image = Image.open(io.BytesIO(png)).convert("RGBA")
    scale = image.width / size[0]
    radius = RADIUS * scale
    font = ImageFont.truetype(str(FONT_FILE), max(8, round(13 * scale)))
    pen = ImageDraw.Draw(image)
    for node_id, marks in sorted(callouts.items()):
        if node_id not in boxes:
            continue
        for (cx, cy), mark in zip(anchors(boxes[node_id], len(marks), node_id in icons), marks, strict=True):
            x, y = cx * scale, cy * scale
            pen.ellipse(
                (x - radius, y - radius, x + radius, y + radius),
                fill=COLOURS[mark.risk],
                outline="white",
                width=max(1, round(2 * scale)),
            )
            pen.text((x, y), str(mark.number), fill="white", font=font, anchor="mm")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()


def render_with_callouts(architecture: Architecture, callouts: dict[str, list[Callout]]) -> CalloutDiagram:
    """The diagram as SVG and PNG, both with the callouts; graphviz lays the same graph out alike both times."""
    svg = render(architecture, "svg")
    png = render(architecture, "png")
    boxes, size = node_boxes(svg)
    icons = {node.id for node in architecture.services()}
    return CalloutDiagram(
        svg=draw_on_svg(svg, boxes, callouts, icons),
        png=draw_on_png(png, size, boxes, callouts, icons),
        plain_png=png,
        size=size,
        boxes=boxes,
    )
