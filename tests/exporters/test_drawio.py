"""draw.io export: an mxGraph file with AWS group containers and AWS shapes at canvas positions."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from xml.etree import ElementTree

import pytest

from archbuilder.drawing.diagram import build_diagram
from archbuilder.exporters.diagram.drawio import build_xml
from archbuilder.exporters.registry import export
from archbuilder.model import SubnetNode, load
from archbuilder.resource_files import example_names, example_path
from tests.model.builders import two_az_network


@pytest.mark.parametrize("name", example_names())
def test_every_node_container_and_connection_is_in_the_file(name: str, tmp_path: Path) -> None:
    arch = load(Path(str(example_path(name))))
    [drawio] = export("drawio", arch, tmp_path)
    assert drawio == tmp_path / "diagram.drawio"
    root = ElementTree.parse(drawio).getroot()
    assert root.tag == "mxfile"
    cells = {cell.get("id"): cell for cell in root.iter("mxCell")}
    diagram = build_diagram(arch)
    copies = {shape.key for shape in diagram.shapes if shape.copy}
    actors = {shape.key for shape in diagram.shapes if shape.type_id.startswith("actor:")}
    actor_links = {edge.key for edge in diagram.edges if edge.key.startswith("actor-")}
    legend = {"legend"} if diagram.legend else set()
    assert (
        set(cells)
        == {"0", "1", "aws-cloud"}
        | legend
        | set(arch.nodes)
        | set(arch.connections)
        | copies
        | actors
        | actor_links
    )
    assert cells["aws-cloud"].get("parent") == "1"
    for node in arch.nodes.values():
        cell = cells[node.id]
        assert cell.get("vertex") == "1" and cell.get("parent") == (node.parent_id or "aws-cloud")
        assert cell.get("value", "").startswith(node.label)
        style = cell.get("style", "")
        if node.kind == "service":
            assert "shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4." in style
        else:
            assert "container=1;" in style
    for connection in arch.connections.values():
        cell = cells[connection.id]
        assert (cell.get("edge"), cell.get("source"), cell.get("target")) == (
            "1",
            connection.source_id,
            connection.target_id,
        )


def test_geometry_is_relative_to_the_parent_like_the_canvas() -> None:
    arch = two_az_network()
    arch.add_service("rds_instance", "private-a", label="DB", node_id="db")
    arch.move_node("db", 40, 50)
    root = ElementTree.fromstring(build_xml(arch))
    cells = {cell.get("id"): cell for cell in root.iter("mxCell")}
    db = cells["db"]
    assert db.get("parent") == "private-a"
    assert "resIcon=mxgraph.aws4.rds;" in (db.get("style") or "") and "fillColor=#C925D1;" in (
        db.get("style") or ""
    )
    geometry = db.find("mxGeometry")
    assert geometry is not None
    # The icon where the canvas draws it: centred in the 96-wide footprint, 6 below its top.
    assert geometry.attrib == {"x": "64", "y": "56", "width": "48", "height": "48", "as": "geometry"}
    subnet_node = arch.nodes["private-a"]
    assert isinstance(subnet_node, SubnetNode)
    subnet = cells["private-a"]
    subnet_geometry = subnet.find("mxGeometry")
    assert subnet_geometry is not None and subnet_geometry.get("width") == f"{subnet_node.width:g}"
    assert "fillColor=#E6F6F7;" in (subnet.get("style") or "")
    assert cells["public-a"].get("value") == "Public a (10.0.0.0/24)"


def test_labels_stay_literal_text() -> None:
    arch = two_az_network()
    arch.add_service("s3_bucket", "region", label='<b>x</b> "; rm -rf', node_id="evil")
    text = build_xml(arch)
    assert 'value="&lt;b&gt;x&lt;/b&gt; &quot;; rm -rf"' in text
    cell = next(c for c in ElementTree.fromstring(text).iter("mxCell") if c.get("id") == "evil")
    assert cell.get("value") == '<b>x</b> "; rm -rf' and "html=0;" in (cell.get("style") or "")


def test_a_design_never_arranged_is_laid_out_not_piled_at_the_origin() -> None:
    arch = two_az_network()  # made in code: every node at 0,0
    for index in range(12):
        arch.add_service(
            "autoscaling_group", "private-a", node_id=f"app-{index}", extra_subnet_ids=["private-b"]
        )
        arch.add_service("s3_bucket", "region", node_id=f"bucket-{index}")
    assert all((node.x, node.y) == (0, 0) for node in arch.nodes.values())
    root = ElementTree.fromstring(build_xml(arch))
    services = [cell for cell in root.iter("mxCell") if "resourceIcon" in (cell.get("style") or "")]
    places = set()
    for cell in services:
        geometry = cell.find("mxGeometry")
        assert geometry is not None
        places.add((cell.get("parent"), geometry.get("x"), geometry.get("y")))
    # 24 services and 12 copies, each at a place of its own in its group.
    assert len(services) == len(places) == 36


def test_connections_follow_their_routes_with_a_waypoint_at_every_bend() -> None:
    arch = load(Path(str(example_path("three-tier-web"))))
    diagram = build_diagram(arch)
    root = ElementTree.fromstring(build_xml(arch, diagram))
    cells = {cell.get("id"): cell for cell in root.iter("mxCell")}
    for edge in diagram.edges:
        points = [
            (float(point.get("x", "0")), float(point.get("y", "0")))
            for point in cells[edge.key].iter("mxPoint")
            if point.get("as") != "offset"  # the caption's place (next test)
        ]
        assert points == [(float(f"{x:g}"), float(f"{y:g}")) for x, y in edge.points[1:-1]]
    bent = [edge for edge in diagram.edges if len(edge.points) > 2]
    assert bent, "three-tier-web has connections that bend"


def test_a_connection_caption_sits_where_the_diagram_placed_it() -> None:
    arch = load(Path(str(example_path("three-tier-web"))))
    diagram = build_diagram(arch)
    root = ElementTree.fromstring(build_xml(arch, diagram))
    cells = {cell.get("id"): cell for cell in root.iter("mxCell")}
    captioned = [edge for edge in diagram.edges if edge.caption and edge.caption_box is not None]
    assert len(captioned) >= 5
    for edge in captioned:
        cell = cells[edge.key]
        assert cell.get("value") == edge.caption
        [offset] = [p for p in cell.iter("mxPoint") if p.get("as") == "offset"]
        # draw.io draws the label at the middle of the route's length, moved by the offset.
        lengths = [abs(b[0] - a[0]) + abs(b[1] - a[1]) for a, b in pairwise(edge.points)]
        left, middle = sum(lengths) / 2, edge.points[0]
        for (a, b), length in zip(pairwise(edge.points), lengths, strict=True):
            if length >= left:
                middle = (a[0] + (b[0] - a[0]) * left / length, a[1] + (b[1] - a[1]) * left / length)
                break
            left -= length
        drawn = (middle[0] + float(offset.get("x", "")), middle[1] + float(offset.get("y", "")))
        centre = edge.caption_box.center
        assert abs(drawn[0] - centre[0]) <= 0.01 and abs(drawn[1] - centre[1]) <= 0.01
    plain = [edge for edge in diagram.edges if not edge.caption]
    assert plain and not [p for e in plain for p in cells[e.key].iter("mxPoint") if p.get("as") == "offset"]
