"""`--format drawio`: an uncompressed mxGraph file with AWS group containers and AWS shapes, at canvas positions."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

from archbuilder.catalog import Category
from archbuilder.exporters.registry import Progress
from archbuilder.model import (
    AnyNode,
    Architecture,
    AvailabilityZoneNode,
    RegionNode,
    ServiceNode,
    SubnetNode,
    SubnetTier,
    VpcNode,
)
from archbuilder.model.nodes import SERVICE_WIDTH
from archbuilder.model.serialization import write_atomic

ICON = 60.0
GROUP = (
    "points=[[0,0],[0.25,0],[0.5,0],[0.75,0],[1,0],[1,0.25],[1,0.5],[1,0.75],[1,1],[0.75,1],[0.5,1],[0.25,1],[0,1],"
    "[0,0.75],[0,0.5],[0,0.25]];outlineConnect=0;gradientColor=none;html=0;whiteSpace=wrap;fontSize=12;"
    "fontStyle=0;container=1;pointerEvents=0;collapsible=0;recursiveResize=0;shape=mxgraph.aws4.group;"
    "verticalAlign=top;align=left;spacingLeft=30;"
)
STYLES = {
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
EDGE = "edgeStyle=orthogonalEdgeStyle;html=0;endArrow=block;endFill=1;strokeColor=#545B64;fontSize=10;"


def _label(node: AnyNode) -> str:
    if isinstance(node, VpcNode | SubnetNode):
        return f"{node.label} ({node.cidr})"
    if isinstance(node, AvailabilityZoneNode):
        return f"{node.label} ({node.zone})"
    if isinstance(node, RegionNode):
        return f"{node.label} ({node.region})"
    return node.label


def _style(architecture: Architecture, node: AnyNode) -> str:
    if isinstance(node, ServiceNode):
        entry = architecture.catalog.get(node.type)
        colour = CATEGORY_COLOURS.get(entry.category, "#232F3E")
        return SERVICE.format(shape=entry.drawio_shape or "mxgraph.aws4.general", colour=colour)
    if isinstance(node, SubnetNode):
        return STYLES["public" if node.tier is SubnetTier.PUBLIC else "private"]
    return STYLES[str(node.kind)]


def build_xml(architecture: Architecture) -> str:
    mxfile = ElementTree.Element("mxfile", host="archbuilder")
    diagram = ElementTree.SubElement(mxfile, "diagram", id="architecture", name=architecture.metadata.name)
    model = ElementTree.SubElement(diagram, "mxGraphModel", grid="1", gridSize="10", guides="1", page="0")
    root = ElementTree.SubElement(model, "root")
    ElementTree.SubElement(root, "mxCell", id="0")
    ElementTree.SubElement(root, "mxCell", attrib={"id": "1", "parent": "0"})

    def add(node: AnyNode) -> None:
        # ElementTree escapes attribute text, so labels stay literal (html=0 in every style).
        cell = ElementTree.SubElement(
            root,
            "mxCell",
            attrib={
                "id": node.id,
                "value": _label(node),
                "style": _style(architecture, node),
                "vertex": "1",
                "parent": node.parent_id or "1",
            },
        )
        if isinstance(node, ServiceNode):
            # Centre the icon where the canvas item's icon is; draw.io child geometry is relative to the parent too.
            x, y, width, height = node.x + (SERVICE_WIDTH - ICON) / 2, node.y + 8, ICON, ICON
        else:
            x, y, width, height = node.x, node.y, node.width, node.height
        ElementTree.SubElement(
            cell,
            "mxGeometry",
            x=f"{x:g}",
            y=f"{y:g}",
            width=f"{width:g}",
            height=f"{height:g}",
            attrib={"as": "geometry"},
        )
        for child in sorted(architecture.children(node.id), key=lambda n: (n.kind == "service", n.id)):
            add(child)

    for top in sorted(architecture.children(None), key=lambda n: (n.kind == "service", n.id)):
        add(top)
    for connection in sorted(architecture.connections.values(), key=lambda c: c.id):
        text = connection.label or connection.kind.value.replace("_", " ")
        cell = ElementTree.SubElement(
            root,
            "mxCell",
            attrib={
                "id": connection.id,
                "value": text,
                "style": EDGE,
                "edge": "1",
                "parent": "1",
                "source": connection.source_id,
                "target": connection.target_id,
            },
        )
        ElementTree.SubElement(cell, "mxGeometry", relative="1", attrib={"as": "geometry"})
    ElementTree.indent(mxfile, space="  ")
    return ElementTree.tostring(mxfile, encoding="unicode") + "\n"


def export(architecture: Architecture, out_dir: Path, progress: Progress | None = None) -> list[Path]:
    target = out_dir / "diagram.drawio"
    write_atomic(target, build_xml(architecture).encode("utf-8"))
    return [target]
