"""`--format drawio`: an uncompressed mxGraph file of the design's diagram (archbuilder.drawing) — AWS Cloud,
region, VPC, AZ and subnet groups as draw.io AWS groups, services as AWS shapes at their canvas positions
(relative to their group, as on the canvas), AZ copies faded, actors, and connections along their routes
(waypoints at every bend)."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from xml.etree import ElementTree

from archbuilder.catalog import Category
from archbuilder.catalog.generic_types import drawio_shape
from archbuilder.drawing.diagram import Diagram, Edge, Group, Shape, build_diagram, collapsed_suffix
from archbuilder.drawing.geometry import Box
from archbuilder.drawing.notes import Note
from archbuilder.exporters.registry import Progress
from archbuilder.fileio import write_atomic
from archbuilder.model import Architecture, ServiceNode
from archbuilder.model.text import one_line

GROUP = (
    "points=[[0,0],[0.25,0],[0.5,0],[0.75,0],[1,0],[1,0.25],[1,0.5],[1,0.75],[1,1],[0.75,1],[0.5,1],[0.25,1],[0,1],"
    "[0,0.75],[0,0.5],[0,0.25]];outlineConnect=0;gradientColor=none;html=0;whiteSpace=wrap;fontSize=12;"
    "fontStyle=0;container=1;pointerEvents=0;collapsible=0;recursiveResize=0;shape=mxgraph.aws4.group;"
    "verticalAlign=top;align=left;spacingLeft=30;"
)
STYLES = {
    "cloud": GROUP
    + "grIcon=mxgraph.aws4.group_aws_cloud;strokeColor=#232F3E;fillColor=none;fontColor=#232F3E;dashed=0;",
    "region": GROUP
    + "grIcon=mxgraph.aws4.group_region;strokeColor=#147EBA;fillColor=none;fontColor=#147EBA;dashed=1;",
    "vpc": GROUP
    + "grIcon=mxgraph.aws4.group_vpc2;strokeColor=#248814;fillColor=none;fontColor=#248814;dashed=0;",
    "az": (
        "fillColor=none;strokeColor=#147EBA;dashed=1;verticalAlign=top;fontStyle=0;fontColor=#147EBA;whiteSpace=wrap;"
        "html=0;container=1;collapsible=0;"
    ),
    "public": GROUP
    + "grIcon=mxgraph.aws4.group_security_group;grStroke=0;strokeColor=#7AA116;fillColor=#F2F6E8;fontColor=#248814;dashed=0;",
    "private": GROUP
    + "grIcon=mxgraph.aws4.group_security_group;grStroke=0;strokeColor=#00A4A6;fillColor=#E6F6F7;fontColor=#147EBA;dashed=0;",
}
# AWS architecture icon colours per category: the square behind each white glyph, as in draw.io's AWS library.
CATEGORY_COLOURS = {
    Category.COMPUTE: "#ED7100",
    Category.CONTAINERS: "#ED7100",
    Category.STORAGE: "#7AA116",
    Category.DATABASE: "#C925D1",
    Category.NETWORKING: "#8C4FFF",
    Category.CONTENT_DELIVERY: "#8C4FFF",
    Category.ANALYTICS: "#8C4FFF",
    Category.INTEGRATION: "#E7157B",
    Category.MANAGEMENT: "#E7157B",
    Category.SECURITY: "#DD344C",
    Category.DEVELOPER_TOOLS: "#C925D1",
    Category.MACHINE_LEARNING: "#01A88D",
}
SERVICE = (
    "sketch=0;outlineConnect=0;fontColor=#232F3E;gradientColor=none;strokeColor=#ffffff;fillColor={colour};"
    "dashed=0;verticalLabelPosition=bottom;verticalAlign=top;align=center;html=0;fontSize=12;fontStyle=0;"
    "aspect=fixed;shape=mxgraph.aws4.resourceIcon;resIcon={shape};"
)
ACTORS = {
    "actor:users": "mxgraph.aws4.users",
    "actor:internet": "mxgraph.aws4.internet_alt1",
    "actor:corporate": "mxgraph.aws4.corporate_data_center",
}
ACTOR = (
    "sketch=0;outlineConnect=0;fontColor=#232F3E;gradientColor=none;fillColor=#232F3D;strokeColor=none;dashed=0;"
    "verticalLabelPosition=bottom;verticalAlign=top;align=center;html=0;fontSize=12;fontStyle=0;aspect=fixed;"
    "pointerEvents=1;shape={shape};"
)
EDGE = (
    "edgeStyle=orthogonalEdgeStyle;rounded=1;html=0;endArrow=block;endFill=1;strokeColor=#545B64;fontSize=10;"
)
EDGE_STYLES = {"solid": "", "dashed": "dashed=1;", "dotted": "dashed=1;dashPattern=1 3;"}


def _shape_style(architecture: Architecture, shape: Shape) -> str:
    if shape.type_id in ACTORS:
        return ACTOR.format(shape=ACTORS[shape.type_id])
    entry = architecture.catalog.get(shape.type_id)
    colour = CATEGORY_COLOURS.get(entry.category, "#232F3E")
    node = architecture.nodes.get(shape.geometry.service_id)
    properties = node.properties if isinstance(node, ServiceNode) else {}
    style = SERVICE.format(shape=drawio_shape(architecture.catalog, shape.type_id, properties), colour=colour)
    return style + ("opacity=45;textOpacity=70;" if shape.copy else "")


def _group_value(group: Group) -> str:
    # XML 1.0 cannot hold most control characters even as references: document text goes in as one visible line.
    return one_line(f"{group.title} ({group.detail})" if group.detail else group.title)


def _geometry(cell: ElementTree.Element, box: Box, origin: Box | None) -> None:
    x, y = (box.x - origin.x, box.y - origin.y) if origin is not None else (box.x, box.y)
    ElementTree.SubElement(
        cell,
        "mxGeometry",
        x=f"{x:g}",
        y=f"{y:g}",
        width=f"{box.width:g}",
        height=f"{box.height:g}",
        attrib={"as": "geometry"},
    )


def _vertex(root: ElementTree.Element, key: str, value: str, style: str, parent: str) -> ElementTree.Element:
    # ElementTree escapes attribute text, so labels stay literal (html=0 in every style).
    return ElementTree.SubElement(
        root,
        "mxCell",
        attrib={"id": key, "value": value, "style": style, "vertex": "1", "parent": parent},
    )


def build_xml(architecture: Architecture, diagram: Diagram | None = None) -> str:
    diagram = diagram or build_diagram(architecture)
    mxfile = ElementTree.Element("mxfile", host="archbuilder")
    page = ElementTree.SubElement(
        mxfile, "diagram", id="architecture", name=one_line(architecture.metadata.name)
    )
    model = ElementTree.SubElement(page, "mxGraphModel", grid="1", gridSize="10", guides="1", page="0")
    root = ElementTree.SubElement(model, "root")
    ElementTree.SubElement(root, "mxCell", id="0")
    ElementTree.SubElement(root, "mxCell", attrib={"id": "1", "parent": "0"})
    boxes = {group.key: group.box for group in diagram.groups}
    for group in diagram.groups:
        node = architecture.nodes.get(group.key)
        parent = (node.parent_id if node is not None else None) or ("aws-cloud" if node is not None else "1")
        cell = _vertex(root, group.key, _group_value(group), STYLES[group.kind], parent)
        _geometry(cell, group.box, boxes.get(parent))
    for shape in diagram.shapes:
        node = architecture.nodes.get(shape.geometry.service_id)
        parent = "1"
        if node is not None:
            parent = node.parent_id or "aws-cloud"
            if shape.copy:
                parent = shape.key.partition("@")[2]
        value = " ".join(shape.geometry.lines) if shape.role else _shape_label(architecture, shape)
        cell = _vertex(root, shape.key, value, _shape_style(architecture, shape), parent)
        _geometry(cell, shape.geometry.icon, boxes.get(parent))
    for edge in diagram.edges:
        _edge(root, edge, diagram)
    for note in diagram.notes:
        _note(root, architecture, note)
    if diagram.legend_box is not None:
        text = "\n".join(["Legend", *(entry for _sample, entry in diagram.legend)])
        style = "text;html=0;align=left;verticalAlign=top;whiteSpace=wrap;fontSize=10;strokeColor=#687078;rounded=1;spacing=8;"
        _geometry(_vertex(root, "legend", text, style, "1"), diagram.legend_box, None)
    ElementTree.indent(mxfile, space="  ")
    return ElementTree.tostring(mxfile, encoding="unicode") + "\n"


NOTE = "shape=note;size=12;whiteSpace=wrap;html=0;align=left;verticalAlign=top;spacing=8;fontSize=11;fillColor=#FFF4C2;strokeColor=#D6B656;"
CALLOUT = "rounded=1;whiteSpace=wrap;html=0;align=left;verticalAlign=top;spacing=8;fontSize=11;fillColor=#FFFFFF;strokeColor=#687078;"
LEADER = "endArrow=oval;endFill=1;endSize=4;html=0;strokeColor=#687078;"


def _note(root: ElementTree.Element, architecture: Architecture, note: Note) -> None:
    """A note or a callout (with its leader line as an edge to the node it is about)."""
    text = architecture.annotations.get(note.key).text
    cell = _vertex(root, f"annotation-{note.key}", text, NOTE if note.kind == "note" else CALLOUT, "1")
    _geometry(cell, note.box, None)
    target = architecture.annotations.get(note.key).targets
    if note.kind == "callout" and target:
        leader = ElementTree.SubElement(
            root,
            "mxCell",
            attrib={
                "id": f"annotation-{note.key}-leader",
                "value": "",
                "style": LEADER,
                "edge": "1",
                "parent": "1",
                "source": f"annotation-{note.key}",
                "target": target[0],
            },
        )
        ElementTree.SubElement(leader, "mxGeometry", relative="1", attrib={"as": "geometry"})


def _shape_label(architecture: Architecture, shape: Shape) -> str:
    node = architecture.nodes.get(shape.geometry.service_id)
    if not isinstance(node, ServiceNode):
        return " ".join(shape.geometry.lines)
    return one_line(node.label) + collapsed_suffix(architecture, node)


def _edge(root: ElementTree.Element, edge: Edge, diagram: Diagram) -> None:
    source, target = diagram.ends[edge.key]
    cell = ElementTree.SubElement(
        root,
        "mxCell",
        attrib={
            "id": edge.key,
            "value": one_line(edge.caption),
            "style": EDGE + EDGE_STYLES[edge.style],
            "edge": "1",
            "parent": "1",
            "source": source,
            "target": target,
        },
    )
    geometry = ElementTree.SubElement(cell, "mxGeometry", relative="1", attrib={"as": "geometry"})
    offset = _caption_offset(edge)
    if offset is not None:
        # draw.io puts an edge's label at the middle of its length, moved by this offset: there, the caption
        # sits where the diagram placed it, on no icon, label or other line (drawing/captions.py).
        ElementTree.SubElement(
            geometry, "mxPoint", x=f"{offset[0]:g}", y=f"{offset[1]:g}", attrib={"as": "offset"}
        )
    bends = edge.points[1:-1]
    if bends:
        # The route's bends, in page coordinates: draw.io draws the connection along them.
        waypoints = ElementTree.SubElement(geometry, "Array", attrib={"as": "points"})
        for x, y in bends:
            ElementTree.SubElement(waypoints, "mxPoint", x=f"{x:g}", y=f"{y:g}")


def _caption_offset(edge: Edge) -> tuple[float, float] | None:
    """From the middle of the route's length to the centre of its caption's box (rounded to 0.01)."""
    if not edge.caption or edge.caption_box is None or len(edge.points) < 2:
        return None
    lengths = [abs(b[0] - a[0]) + abs(b[1] - a[1]) for a, b in pairwise(edge.points)]
    left = sum(lengths) / 2
    middle = edge.points[0]
    for (a, b), length in zip(pairwise(edge.points), lengths, strict=True):
        if length >= left and length > 0:
            share = left / length
            middle = (a[0] + (b[0] - a[0]) * share, a[1] + (b[1] - a[1]) * share)
            break
        left -= length
    cx, cy = edge.caption_box.center
    return (round(cx - middle[0], 2) + 0.0, round(cy - middle[1], 2) + 0.0)


def export(architecture: Architecture, out_dir: Path, progress: Progress | None = None) -> list[Path]:
    target = out_dir / "diagram.drawio"
    write_atomic(target, build_xml(architecture).encode("utf-8"))
    return [target]
