"""PNG and SVG diagrams drawn by graphviz at the positions of the design's diagram (archbuilder.drawing):
`neato -n2` keeps every node where it is given and every connection on the route it is given, so the export
shows what the canvas shows. Groups are clusters with fixed boxes (drawn first), connections come next, and
icons, labels and captions on top.

The DOT is built with the `graphviz` package, which quotes every attribute; document text reaches it only as
plain labels (`plain`), never as HTML-like labels.
"""

from __future__ import annotations

import base64
import math
import re
import shutil
from pathlib import Path

import graphviz

from archbuilder.catalog.icons import icon_file, resource_icon
from archbuilder.drawing.diagram import TITLE_BAND, Diagram, Edge, Group, Layout, Shape, build_diagram
from archbuilder.drawing.geometry import Box, Point
from archbuilder.drawing.notes import NOTE_PADDING, Note
from archbuilder.drawing.shapes import HEADER_ICON, HEADER_SIZE, LABEL_SIZE
from archbuilder.drawing.text import line_height
from archbuilder.exporters.diagram import style
from archbuilder.exporters.registry import ExportError, Progress
from archbuilder.model import Architecture
from archbuilder.model.text import one_line

INSTALL_HINT = (
    "graphviz's `dot` program is not installed; install it with `sudo apt-get install graphviz` and retry"
)
FONT = "Helvetica"
MAX_PIXELS = 16000  # the longer side of a PNG; past it the picture is drawn at a lower resolution
ARROW = 9.0
CORNER = 8.0  # radius of a route's rounded bends


def require_dot() -> None:
    if shutil.which("dot") is None:
        raise ExportError(INSTALL_HINT, exit_code=2)


def _literal(text: str) -> str:
    """Graphviz reads backslash escapes (\\N, \\n) and character entities (&amp;) in every label: both are
    escaped, and line breaks and control characters are written as visible escapes."""
    return one_line(text).replace("\\", "\\\\").replace("&", "&amp;")


def plain(text: str) -> str:
    """Document text as a graphviz label that means exactly what it says: no HTML, no escape sequences."""
    return graphviz.nohtml(_literal(text))


def left_aligned(text: str) -> str:
    """Plain text as a label drawn from the left edge of its box (graphviz's `\\l` line end)."""
    return graphviz.nohtml(_literal(text) + "\\l")


def _lines(lines: tuple[str, ...] | list[str]) -> str:
    """Lines of plain text as one label, each line centred."""
    return graphviz.nohtml("\\n".join(_literal(line) for line in lines))


class _Canvas:
    """Scene coordinates (y down) to graphviz points (y up), inside the diagram's bounds plus the title band."""

    def __init__(self, bounds: Box) -> None:
        self.left = bounds.x
        self.top = bounds.y - TITLE_BAND
        self.height = bounds.height + TITLE_BAND
        self.width = bounds.width

    def point(self, x: float, y: float) -> str:
        return f"{x - self.left:.1f},{self.height - (y - self.top):.1f}"

    def bb(self, box: Box) -> str:
        return (
            f"{box.x - self.left:.1f},{self.height - (box.bottom - self.top):.1f},"
            f"{box.right - self.left:.1f},{self.height - (box.y - self.top):.1f}"
        )


def _inches(points: float) -> str:
    return f"{points / 72:.4f}"


def _box_node(graph: graphviz.Digraph, name: str, canvas: _Canvas, box: Box, **attributes: str) -> None:
    cx, cy = box.center
    graph.node(
        name,
        pos=canvas.point(cx, cy),
        width=_inches(box.width),
        height=_inches(box.height),
        fixedsize="true",
        **attributes,
    )


def png_dpi(diagram: Diagram) -> int:
    """The resolution the PNG is drawn at: 96 dpi, lower past MAX_PIXELS on the longer side (then labels shrink:
    bench/bench_layout_quality.py prints their height in pixels)."""
    picture = diagram.picture
    pixels = max(picture.width, picture.height) * 96 / 72
    return 96 if pixels <= MAX_PIXELS else max(24, math.floor(96 * MAX_PIXELS / pixels))


def build_graph(diagram: Diagram) -> graphviz.Digraph:
    canvas = _Canvas(diagram.bounds)
    graph = graphviz.Digraph(name="architecture", engine="neato")
    dpi = png_dpi(diagram)
    graph.attr(
        bb=f"0,0,{canvas.width:.1f},{canvas.height:.1f}",
        outputorder="edgesfirst",
        splines="true",
        dpi=str(dpi),
        pad="0.2",
        fontname=FONT,
        bgcolor="white",
    )
    graph.attr("node", fontname=FONT, shape="none", label="", margin="0")
    graph.attr("edge", fontname=FONT, color=style.EDGE_COLOUR, arrowsize="0.7", penwidth="1.2")
    title = Box(diagram.bounds.x, diagram.bounds.y - TITLE_BAND, diagram.bounds.width, TITLE_BAND)
    _box_node(graph, "title", canvas, title, label=plain(diagram.title), fontsize="16", fontcolor=style.TEXT)
    for group in diagram.groups:
        _add_group(graph, canvas, group)
    for shape in diagram.shapes:
        _add_shape(graph, canvas, shape)
    for edge in diagram.edges:
        _add_edge(graph, canvas, edge)
    for note in diagram.notes:
        _add_note(graph, canvas, note)
    _add_legend(graph, canvas, diagram)
    return graph


def _add_group(graph: graphviz.Digraph, canvas: _Canvas, group: Group) -> None:
    look = style.GROUPS[group.kind]
    with graph.subgraph(name=f"cluster_{group.key}") as cluster:
        cluster.attr(bb=canvas.bb(group.box), label="", **look.cluster)
    icon = resource_icon(look.icon) if look.icon else None
    left = group.box.x + 4
    if icon is not None:
        box = Box(group.box.x + 2, group.box.y + 2, HEADER_ICON, HEADER_ICON)
        _box_node(graph, f"{group.key}__icon", canvas, box, image=str(icon), imagescale="true")
        left = box.right + 6
    text = group.title + (f"   {group.detail}" if group.detail else "")
    header = Box(left, group.box.y + 4, max(group.header.right - left, 10.0), HEADER_ICON - 2)
    _box_node(
        graph,
        f"{group.key}__header",
        canvas,
        header,
        label=left_aligned(text),
        fontsize=f"{HEADER_SIZE:g}",
        fontcolor=look.text,
    )


def _add_shape(graph: graphviz.Digraph, canvas: _Canvas, shape: Shape) -> None:
    geometry = shape.geometry
    icon = icon_file(shape.icon_class)
    key = geometry.key
    attributes = {"image": str(icon), "imagescale": "true"} if icon is not None else style.fallback_tile()
    _box_node(graph, key, canvas, geometry.icon, **attributes)
    if shape.copy:
        # A copy is faded with a white veil and outlined, so it reads as "the same service, again".
        _box_node(
            graph,
            f"{key}__veil",
            canvas,
            geometry.icon.grown(3),
            shape="box",
            style="filled,dashed",
            fillcolor="#FFFFFF99",
            color=style.MUTED,
        )
    if geometry.lines != ("",):
        _box_node(
            graph,
            f"{key}__label",
            canvas,
            geometry.label,
            label=_lines(geometry.lines),
            fontsize=f"{LABEL_SIZE:g}",
            fontcolor=style.MUTED if shape.copy else style.TEXT,
        )


def rounded(points: tuple[Point, ...], radius: float = CORNER) -> list[Point]:
    """Cubic Bézier control points for a polyline with rounded bends (graphviz's 3n+1 spline points)."""
    if len(points) < 2:
        return list(points)
    spline: list[Point] = [points[0]]
    current = points[0]
    for before, corner, after in zip(points, points[1:], points[2:], strict=False):
        into = math.dist(before, corner)
        out = math.dist(corner, after)
        r = min(radius, into / 2, out / 2)
        start = _toward(corner, before, r)
        end = _toward(corner, after, r)
        spline.extend([current, start, start])
        spline.extend([corner, corner, end])
        current = end
    spline.extend([current, points[-1], points[-1]])
    return spline


def _toward(origin: Point, target: Point, distance: float) -> Point:
    length = math.dist(origin, target)
    if length == 0:
        return origin
    return (
        origin[0] + (target[0] - origin[0]) * distance / length,
        origin[1] + (target[1] - origin[1]) * distance / length,
    )


def _add_edge(graph: graphviz.Digraph, canvas: _Canvas, edge: Edge) -> None:
    points = list(edge.points)
    tip = points[-1]
    # The spline stops short of the tip; graphviz draws the arrowhead from there to the tip ("e,x,y").
    points[-1] = _toward(tip, points[-2], ARROW) if len(points) > 1 else tip
    if len(points) > 2 and math.dist(points[-1], points[-2]) < 1:
        points.pop()
    spline = " ".join(canvas.point(x, y) for x, y in rounded(tuple(points)))
    graph.edge(
        f"{edge.key}__from",
        f"{edge.key}__to",
        pos=f"e,{canvas.point(*tip)} {spline}",
        style=edge.style,
        arrowhead="normal",
    )
    for end, (x, y) in (("from", edge.points[0]), ("to", tip)):
        graph.node(f"{edge.key}__{end}", pos=canvas.point(x, y), width="0.01", height="0.01", style="invis")
    if edge.caption_box is not None:
        _box_node(
            graph,
            f"{edge.key}__caption",
            canvas,
            edge.caption_box,
            label=plain(edge.caption),
            fontsize="8",
            fontcolor=style.EDGE_COLOUR,
            shape="box",
            style="filled",
            fillcolor="#FFFFFFE6",
            color="#FFFFFF00",
        )


def _add_note(graph: graphviz.Digraph, canvas: _Canvas, note: Note) -> None:
    """A note as a pale box of text; a callout as a white box with a leader line to what it is about."""
    fill, border = ("#FFF4C2", "#D6B656") if note.kind == "note" else ("#FFFFFF", style.MUTED)
    _box_node(
        graph,
        note.key,
        canvas,
        note.box,
        shape="note" if note.kind == "note" else "box",
        style="filled" if note.kind == "note" else "filled,rounded",
        fillcolor=fill,
        color=border,
    )
    text = Box(
        note.box.x + NOTE_PADDING, note.box.y + 6, note.box.width - 2 * NOTE_PADDING, note.box.height - 12
    )
    _box_node(
        graph,
        f"{note.key}__text",
        canvas,
        text,
        label=graphviz.nohtml("".join(line.replace("\\", "\\\\") + "\\l" for line in note.lines)),
        labelloc="t",
        fontsize=f"{LABEL_SIZE:g}",
        fontcolor=style.TEXT,
    )
    if note.target is not None:
        start = _nearest_on(note.box, note.target)
        graph.edge(
            f"{note.key}__a",
            f"{note.key}__b",
            arrowhead="dot",
            arrowsize="0.4",
            color=style.MUTED,
            pos=f"e,{canvas.point(*note.target)} "
            + " ".join(canvas.point(*p) for p in (start, start, note.target, note.target)),
        )
        for end, (x, y) in (("a", start), ("b", note.target)):
            graph.node(
                f"{note.key}__{end}", pos=canvas.point(x, y), width="0.01", height="0.01", style="invis"
            )


def _nearest_on(box: Box, point: Point) -> Point:
    """The point of a box's outline nearest to `point` (where a leader line leaves it)."""
    x = min(max(point[0], box.x), box.right)
    y = min(max(point[1], box.y), box.bottom)
    if box.x < x < box.right and box.y < y < box.bottom:
        return (x, box.bottom)
    return (x, y)


def _add_legend(graph: graphviz.Digraph, canvas: _Canvas, diagram: Diagram) -> None:
    box = diagram.legend_box
    if box is None:
        return
    _box_node(graph, "legend", canvas, box, shape="box", color=style.MUTED, style="rounded")
    heading = Box(box.x + 10, box.y + 6, box.width - 20, line_height(9))
    _box_node(
        graph,
        "legend__heading",
        canvas,
        heading,
        label=left_aligned("Legend"),
        fontsize="9",
        fontcolor=style.TEXT,
    )
    for index, (sample, text) in enumerate(diagram.legend):
        y = box.y + 26 + index * 18
        row = Box(box.x + 44, y, box.width - 54, 14)
        _box_node(
            graph,
            f"legend__{index}",
            canvas,
            row,
            label=left_aligned(text),
            fontsize="8",
            fontcolor=style.TEXT,
        )
        _legend_sample(graph, canvas, f"legend__{index}", sample, Box(box.x + 10, y + 1, 26, 12))


def _legend_sample(graph: graphviz.Digraph, canvas: _Canvas, name: str, sample: str, swatch: Box) -> None:
    """What a legend row explains, drawn small: a faded copy's outline, a role mark or a line style."""
    if sample == "copy":
        _box_node(graph, f"{name}__sample", canvas, swatch, shape="box", style="dashed", color=style.MUTED)
        return
    if sample == "role":
        _box_node(graph, f"{name}__sample", canvas, swatch, label="(…)", fontsize="8", fontcolor=style.TEXT)
        return
    mid = swatch.y + swatch.height / 2
    graph.edge(
        f"{name}__a",
        f"{name}__b",
        pos=" ".join(canvas.point(x, mid) for x in (swatch.x, swatch.x, swatch.right, swatch.right)),
        style=sample,
        arrowhead="none",
    )
    for end, x in (("a", swatch.x), ("b", swatch.right)):
        graph.node(f"{name}__{end}", pos=canvas.point(x, mid), width="0.01", height="0.01", style="invis")


def dot_source(architecture: Architecture, layout: Layout = "canvas") -> str:
    return build_graph(build_diagram(architecture, layout)).source


def render(
    architecture: Architecture, fmt: str, progress: Progress | None = None, layout: Layout = "canvas"
) -> bytes:
    require_dot()
    if progress is not None:
        progress("arranging the diagram", 0, 1)
    graph = build_graph(build_diagram(architecture, layout))
    if progress is not None:
        progress("arranging the diagram", 1, 1)
        progress(f"rendering {fmt.upper()} with graphviz", 0, 1)
    try:
        data: bytes = graph.pipe(format=fmt, quiet=True, neato_no_op=2)
    except graphviz.ExecutableNotFound:
        raise ExportError(INSTALL_HINT, exit_code=2) from None
    except graphviz.CalledProcessError as exc:
        raise ExportError(f"graphviz failed: {exc.stderr.decode(errors='replace').strip()[:500]}") from None
    if fmt == "svg":
        data = embed_images(data)
    if progress is not None:
        progress(f"rendering {fmt.upper()} with graphviz", 1, 1)
    return data


def embed_images(svg: bytes) -> bytes:
    """Replace icon file paths by data URIs, so the SVG opens anywhere and leaks no local path."""
    text = svg.decode("utf-8")

    def inline(match: re.Match[str]) -> str:
        path = Path(match.group(2))
        encoded = base64.b64encode(path.read_bytes()).decode("ascii") if path.is_file() else ""
        return f'{match.group(1)}="data:image/png;base64,{encoded}"'

    return re.sub(r'(xlink:href|href)="(/[^"]+\.png)"', inline, text).encode("utf-8")
