"""`archbuilder show FILE`: the containment tree with services and connections, for a terminal."""

from __future__ import annotations

import argparse

from archbuilder.catalog.generic_types import type_name
from archbuilder.cli.common import load_document
from archbuilder.model import (
    AnyNode,
    Architecture,
    AvailabilityZoneNode,
    RegionNode,
    ServiceNode,
    SubnetNode,
    VpcNode,
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("show", help="print the containment tree and the connections")
    parser.add_argument("file", help="an .arch.json document")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    architecture = load_document(args.file)
    print(render_tree(architecture), end="")
    return 0


def describe(architecture: Architecture, node: AnyNode) -> str:
    if isinstance(node, RegionNode):
        return f"Region {node.label} ({node.region})"
    if isinstance(node, VpcNode):
        return f"VPC {node.label} ({node.cidr})"
    if isinstance(node, AvailabilityZoneNode):
        return f"AZ {node.label} ({node.zone})"
    if isinstance(node, SubnetNode):
        return f"{node.tier.value.capitalize()} subnet {node.label} ({node.cidr})"
    assert isinstance(node, ServiceNode)
    service = architecture.catalog.find(node.type)
    kind = type_name(architecture.catalog, node.type, node.properties) if service else node.type
    text = f"{node.label} [{kind}]"
    if node.extra_subnet_ids:
        labels = ", ".join(_subnet_name(architecture.node(s)) for s in node.extra_subnet_ids)
        text += f" also in {labels}"
    return text


def _subnet_name(node: object) -> str:
    # Subnets often share a label ("Private subnet"); the CIDR tells them apart.
    return (
        f"{node.label} ({node.cidr})" if isinstance(node, SubnetNode) else str(getattr(node, "label", node))
    )


def render_tree(architecture: Architecture) -> str:
    """Containers before services, each level sorted by label, then the connections."""
    lines = [f"{architecture.metadata.name}"]
    if architecture.metadata.description:
        lines.append(f"  {architecture.metadata.description}")

    def order(node: AnyNode) -> tuple[bool, bool, str, str]:
        # Public subnets before private ones, as they are drawn; then by label.
        private = isinstance(node, SubnetNode) and node.tier.value == "private"
        return (isinstance(node, ServiceNode), private, node.label.lower(), node.id)

    def walk(parent_id: str | None, prefix: str) -> None:
        children = sorted(architecture.children(parent_id), key=order)
        for index, child in enumerate(children):
            last = index == len(children) - 1
            lines.append(f"{prefix}{'└── ' if last else '├── '}{describe(architecture, child)}")
            walk(child.id, prefix + ("    " if last else "│   "))

    walk(None, "")
    connections = sorted(
        architecture.connections.values(), key=lambda c: (c.source_id, c.target_id, c.kind.value)
    )
    lines.append("")
    lines.append(f"Connections ({len(connections)})")
    for connection in connections:
        source = architecture.node(connection.source_id).label
        target = architecture.node(connection.target_id).label
        detail = connection.kind.value
        if connection.port is not None:
            detail += f" {connection.protocol or 'tcp'}/{connection.port}"
        if connection.label:
            detail += f" “{connection.label}”"
        lines.append(f"  {source} → {target}  ({detail})")
    return "\n".join(lines) + "\n"
