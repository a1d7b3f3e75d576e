"""draw.io export: an mxGraph file with AWS group containers and AWS shapes at canvas positions."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

import pytest

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
    assert set(cells) == {"0", "1"} | set(arch.nodes) | set(arch.connections)
    for node in arch.nodes.values():
        cell = cells[node.id]
        assert cell.get("vertex") == "1" and cell.get("parent") == (node.parent_id or "1")
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
    assert geometry.attrib == {"x": "58", "y": "58", "width": "60", "height": "60", "as": "geometry"}
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
