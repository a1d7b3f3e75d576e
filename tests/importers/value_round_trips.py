"""Helpers of tests/importers/test_value_round_trip.py: a design exported to CloudFormation YAML or to Terraform
by the CLI's export, imported back, and every difference between the two (service by label: its type and each
property's value, the catalog's default standing for a property the design does not hold; and the connections)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from archbuilder.exporters.registry import export, export_notes
from archbuilder.importers.cloudformation import import_template
from archbuilder.importers.terraform import import_terraform
from archbuilder.model import Architecture
from tests.importers.round_trips import connections

# A difference: ("value", label, property, the design's value, the value back), both as JSON;
# ("type", label, type, type back); ("service", label, "missing" | "extra"); or
# ("connection", source label, target label, kind, "missing" | "extra").
Difference = tuple[str, ...]


def round_trip(design: Architecture, fmt: str, folder: Path) -> tuple[Architecture, list[str]]:
    """The design exported to `fmt` (cloudformation: template.yaml; terraform: the .tf files) and imported again,
    with the warnings the export prints."""
    written = export(fmt, design, folder)
    if fmt == "terraform":
        back, _report = import_terraform(folder)
    else:
        [template] = written
        back, _report = import_template(template)
    return back, export_notes(fmt, design)


def values(arch: Architecture) -> dict[str, tuple[str, dict[str, Any]]]:
    """label -> (type, every catalog property's value: the service's own, else the catalog's default)."""
    return {
        node.label: (node.type, {**arch.catalog.get(node.type).defaults(), **node.properties})
        for node in arch.services()
    }


def differences(original: Architecture, back: Architecture) -> set[Difference]:
    before, after = values(original), values(back)
    found: set[Difference] = {("service", label, "missing") for label in before.keys() - after.keys()}
    found |= {("service", label, "extra") for label in after.keys() - before.keys()}
    for label in before.keys() & after.keys():
        (kind, drawn), (kind_back, read) = before[label], after[label]
        if kind != kind_back:
            found.add(("type", label, kind, kind_back))
            continue
        for name in drawn.keys() | read.keys():
            if drawn.get(name) != read.get(name):
                found.add(("value", label, name, _json(drawn.get(name)), _json(read.get(name))))
    flows = connections(original), connections(back)
    found |= {("connection", *flow, "missing") for flow in flows[0] - flows[1]}
    found |= {("connection", *flow, "extra") for flow in flows[1] - flows[0]}
    return found


def _json(value: Any) -> str:
    return json.dumps(value, sort_keys=True)
