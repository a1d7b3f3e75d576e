"""Architecture diagrams through graphviz: nested clusters styled like AWS groups, services with their AWS icons.

The DOT is built directly with the `graphviz` package (the same engine and icons the `diagrams` package uses),
because that gives explicit node ids, deterministic output and full control over escaping of labels.
"""

from __future__ import annotations

import base64
import importlib
import re
import shutil
import textwrap
from functools import cache
from pathlib import Path

import graphviz

from archbuilder.exporters.registry import ExportError, Progress
from archbuilder.model import (
    AnyNode,
    Architecture,
    AvailabilityZoneNode,
    NodeKind,
    RegionNode,
    ServiceNode,
    SubnetNode,
    SubnetTier,
    VpcNode,
)

INSTALL_HINT = (
    "graphviz's `dot` program is not installed; install it with `sudo apt-get install graphviz` and retry"
)
FONT = "Helvetica"

CLUSTER_STYLES: dict[str, dict[str, str]] = {
    "region": {"style": "dashed", "color": "#147EBA", "fontcolor": "#147EBA", "penwidth": "1.5"},
    "vpc": {"style": "solid", "color": "#248814", "fontcolor": "#248814", "penwidth": "2"},
    "az": {"style": "dashed", "color": "#147EBA", "fontcolor": "#147EBA", "penwidth": "1.2"},
    "public": {
        "style": "filled",
        "color": "#7AA116",
        "fillcolor": "#F2F6E8",
        "fontcolor": "#248814",
        "penwidth": "1.2",
    },
    "private": {
        "style": "filled",
        "color": "#00A4A6",
        "fillcolor": "#E6F6F7",
        "fontcolor": "#147EBA",
        "penwidth": "1.2",
    },
}


def require_dot() -> None:
    if shutil.which("dot") is None:
        raise ExportError(INSTALL_HINT, exit_code=2)


@cache
def icon_file(diagram_class: str) -> Path | None:
    """The PNG the diagrams package ships for a class such as `aws.database.RDS`."""
    module_name, _, class_name = f"diagrams.{diagram_class}".rpartition(".")
    try:
        node_class = getattr(importlib.import_module(module_name), class_name)
    except (ImportError, AttributeError):
        return None
    icon_dir, icon = getattr(node_class, "_icon_dir", None), getattr(node_class, "_icon", None)
    if not icon_dir or not icon:
        return None
    base = Path(importlib.import_module("diagrams").__file__ or "").resolve().parent.parent
    path = base / icon_dir / icon
    return path if path.is_file() else None


def plain(text: str) -> str:
    """Document text as a graphviz label that means exactly what it says: no HTML, no escape sequences."""
    return graphviz.nohtml(text.replace("\\", "\\\\"))


def wrapped(text: str, width: int = 20) -> str:
    """A service label broken into lines that fit under its icon; each line plain text."""
    lines = textwrap.wrap(text, width) or [""]
    return graphviz.nohtml("\\n".join(line.replace("\\", "\\\\") for line in lines))


def _cluster_label(node: AnyNode) -> str:
    if isinstance(node, RegionNode):
        return f"{node.label}  ({node.region})"
    if isinstance(node, VpcNode | SubnetNode):
        return f"{node.label}  {node.cidr}"
    if isinstance(node, AvailabilityZoneNode):
        return f"{node.label}  ({node.zone})"
    return node.label


def _cluster_style(node: AnyNode) -> dict[str, str]:
    if isinstance(node, SubnetNode):
        return CLUSTER_STYLES["public" if node.tier is SubnetTier.PUBLIC else "private"]
    return CLUSTER_STYLES[str(node.kind)]


def build_graph(architecture: Architecture, progress: Progress | None = None) -> graphviz.Digraph:
    graph = graphviz.Digraph(name="architecture", engine="dot")
    graph.attr(
        rankdir="TB",
        compound="true",
        fontname=FONT,
        fontsize="16",
        labelloc="t",
        label=plain(architecture.metadata.name),
        pad="0.4",
        nodesep="0.6",
        ranksep="0.8",
        newrank="true",
    )
    graph.attr(
        "node",
        shape="none",
        fontname=FONT,
        fontsize="11",
        labelloc="b",
        imagescale="true",
        fixedsize="true",
        width="1.6",
        height="1.9",
        imagepos="tc",
    )
    graph.attr("edge", fontname=FONT, fontsize="9", color="#545B64", fontcolor="#545B64", arrowsize="0.7")
    total = len(architecture.services())
    done = [0]

    # Multi-subnet services are drawn in each subnet they span, so every AZ shows what runs in it.
    spans: dict[str, list[ServiceNode]] = {}
    for service in architecture.services():
        for subnet_id in service.extra_subnet_ids:
            spans.setdefault(subnet_id, []).append(service)

    def add_children(target: graphviz.Digraph, parent_id: str | None) -> None:
        children = sorted(architecture.children(parent_id), key=lambda n: (n.kind != "service", n.id))
        for spanned in sorted(spans.get(parent_id or "", []), key=lambda n: n.id):
            icon = icon_file(architecture.catalog.get(spanned.type).diagram_class)
            target.node(
                f"{spanned.id}__in_{parent_id}",
                label=wrapped(spanned.label),
                fontcolor="#545B64",
                **({"image": str(icon)} if icon is not None else {}),
            )
        for child in children:
            if isinstance(child, ServiceNode):
                service = architecture.catalog.get(child.type)
                icon = icon_file(service.diagram_class)
                attributes = {"label": wrapped(child.label)}
                if icon is not None:
                    attributes["image"] = str(icon)
                target.node(child.id, **attributes)
                done[0] += 1
                if progress is not None and (done[0] % 25 == 0 or done[0] == total):
                    progress("laying out services", done[0], total)
            else:
                with target.subgraph(name=f"cluster_{child.id}") as cluster:
                    cluster.attr(
                        label=plain(_cluster_label(child)),
                        labeljust="l",
                        fontname=FONT,
                        fontsize="12",
                        margin="16",
                        **_cluster_style(child),
                    )
                    add_children(cluster, child.id)
                    inside = [c.id for c in architecture.descendants(child.id)] + [child.id]
                    if not any(isinstance(architecture.nodes[i], ServiceNode) or i in spans for i in inside):
                        # Graphviz drops empty clusters; an invisible point keeps the container visible.
                        cluster.node(
                            f"{child.id}__empty", label="", shape="point", style="invis", width="0.6"
                        )

    add_children(graph, None)
    # A multi-AZ service and its copies share a rank, so the tiers line up across the AZs.
    for service in sorted(architecture.services(), key=lambda n: n.id):
        if service.extra_subnet_ids:
            with graph.subgraph() as same_rank:
                same_rank.attr(rank="same")
                same_rank.node(service.id)
                for subnet_id in service.extra_subnet_ids:
                    same_rank.node(f"{service.id}__in_{subnet_id}")
    zone_of = {
        subnet.id: getattr(architecture.enclosing(subnet.id, NodeKind.AZ), "zone", None)
        for subnet in architecture.nodes.values()
        if isinstance(subnet, SubnetNode)
    }
    for connection in sorted(architecture.connections.values(), key=lambda c: c.id):
        source, target = (
            architecture.service(connection.source_id),
            architecture.service(connection.target_id),
        )
        # Mirror the connection between the copies in each other AZ (invisibly) so every AZ is laid out alike.
        for source_subnet in source.extra_subnet_ids:
            for target_subnet in target.extra_subnet_ids:
                if zone_of.get(source_subnet) == zone_of.get(target_subnet):
                    graph.edge(
                        f"{source.id}__in_{source_subnet}", f"{target.id}__in_{target_subnet}", style="invis"
                    )
        text = connection.label or connection.kind.value.replace("_", " ")
        if connection.port is not None:
            text += f" :{connection.port}"
        graph.edge(connection.source_id, connection.target_id, label=plain(text))
    return graph


def dot_source(architecture: Architecture) -> str:
    return build_graph(architecture).source


def render(architecture: Architecture, fmt: str, progress: Progress | None = None) -> bytes:
    require_dot()
    graph = build_graph(architecture, progress)
    # Graphviz's layout and icon drawing take most of the time; say so while it runs.
    if progress is not None:
        progress(f"rendering {fmt.upper()} with graphviz", 0, 1)
    try:
        data: bytes = graph.pipe(format=fmt, quiet=True)
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
