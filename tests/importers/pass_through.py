"""Which properties of a template's mapped resources are neither modelled nor passed through.

A property of a resource that became a catalog service is modelled when the design's own rendering of that
service writes it, as imported or after the edit (the model knows it, so an edit of the design changes it); any other is passed through when
the export of the design, after an edit of every service, still writes it exactly as the template did. What is
neither would be lost or changed by an edit the user did not make. Used by tests/importers/test_pass_through.py
and printed by bench/import_coverage.py."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from archbuilder.catalog import PropertyType
from archbuilder.exporters.cloudformation.source_template import _aligned, cloudformation_template
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.registry import ExportError
from archbuilder.importers.cloudformation import import_template
from archbuilder.model import Architecture, InvariantError


def edit_every_service(arch: Architecture) -> None:
    """Relabel every catalog service and flip each of its true-or-false properties: the export renders each of
    them anew."""
    for node in list(arch.services()):
        if node.type == "generic":
            continue
        arch.set_label(node.id, f"{node.label} edited")
        for spec in arch.catalog.get(node.type).properties:
            value = arch.service(node.id).properties.get(spec.name, spec.default)
            if spec.type is PropertyType.BOOLEAN and isinstance(value, bool):
                try:
                    arch.set_property(node.id, spec.name, not value)
                except InvariantError:
                    continue  # a flip the design refuses (its structure needs the value): left as it is
                try:
                    build_template(arch)
                except ExportError:
                    arch.set_property(node.id, spec.name, value)  # one the export refuses (failover alone)


Key = tuple[str, str, str]


def pass_through(path: Path) -> tuple[list[Key], list[Key]]:
    """(logical id, resource type, property) of each mapped resource's property that the model does not write:
    those passed through unchanged, and those neither modelled nor passed through."""
    arch, _report = import_template(path)
    source = arch.imported
    assert source is not None
    written: dict[str, Any] = source.template.get("Resources") or {}
    rendered = _aligned(arch, source)["Resources"]
    mapped = {
        logical: node_id
        for node_id, logical in source.names.items()
        if node_id in arch.nodes
        and getattr(arch.node(node_id), "type", "generic") != "generic"
        and logical in written
    }
    edit_every_service(arch)
    edited = _aligned(arch, source)["Resources"]
    exported = cloudformation_template(arch)["Resources"]
    passed: list[Key] = []
    lost: list[Key] = []
    for logical in mapped:
        # What the design writes as it was imported or as edited (a setting written only when not the default).
        modelled = {
            key
            for rendering in (rendered, edited)
            for key in (rendering.get(logical) or {}).get("Properties") or {}
        }
        kept = (exported.get(logical) or {}).get("Properties") or {}
        for key, value in (written[logical].get("Properties") or {}).items():
            if key not in modelled:
                found = (logical, str(written[logical].get("Type")), key)
                (passed if kept.get(key) == value else lost).append(found)
    return passed, lost
