"""What an export leaves to do by hand, as the template's Metadata records it (kit.by_hand): the lines the CLI
prints as warnings and the comment at the top of the YAML template and of Terraform's main.tf; and likewise the
values it writes in place of the design's (kit.written_instead)."""

from __future__ import annotations

import json
from typing import Any

from archbuilder.catalog.export_gaps import CLOUDFORMATION, TERRAFORM, lost_values, shown
from archbuilder.exporters.cloudformation.drawn_connections import DRAWN_RECORDS
from archbuilder.exporters.cloudformation.template import (
    DESIGN_METADATA,
    MANUAL_STEPS,
    WRITTEN_INSTEAD,
    build_template,
)
from archbuilder.model import Architecture

# The comment's first line; each step follows as `#   - Label (Service): what to do` (read back on import).
HEADING = "# Not declared here, to do by hand (AWS offers no declarative resource for these):"
# The first line of Terraform's comment on the values written in place of the design's; each follows as
# `#   - Label (Service): property <design value> is written as <value written>: why`, the values in JSON.
WRITTEN_INSTEAD_HEADING = (
    "# Written in place of the design's values (read back as the design's by archbuilder's import):"
)
WRITTEN_AS = " is written as "


def manual_steps(template: dict[str, Any]) -> list[str]:
    """`Label (Service): what to do` for each step the template's Metadata lists, in the order written."""
    entry = (template.get("Metadata") or {}).get(DESIGN_METADATA) or {}
    return [f"{item['node']} ({item['service']}): {item['step']}" for item in entry.get(MANUAL_STEPS) or []]


def written_instead(template: dict[str, Any], *, drawn: bool = True) -> list[str]:
    """`Label (Service): property "design" is written as "written": why` for each value the template's Metadata
    records as written in place of the design's, in the order written; with `drawn`, also its records of the
    connections the design draws where the template reads more (drawn_connections.py), which are the import's to
    read: the template does what the design says, and no value of the user's is replaced."""
    entry = (template.get("Metadata") or {}).get(DESIGN_METADATA) or {}
    return [
        f"{item['node']} ({item['service']}): {item['property']} {json.dumps(item['design'])}{WRITTEN_AS}"
        f"{json.dumps(item['written'])}: {item['why']}"
        for item in entry.get(WRITTEN_INSTEAD) or []
        if drawn or item.get("property") not in DRAWN_RECORDS
    ]


def written_instead_comment(template: dict[str, Any]) -> str:
    """Those values as comment lines; empty when there are none."""
    lines = written_instead(template)
    if not lines:
        return ""
    return "\n".join([WRITTEN_INSTEAD_HEADING, *(f"#   - {line}" for line in lines)]) + "\n"


def comment(steps: list[str]) -> str:
    """The steps as comment lines (`#`, which YAML and HCL share); empty when there are none."""
    if not steps:
        return ""
    lines = [HEADING]
    lines += [f"#   - {step}" for step in steps]
    return "\n".join(lines) + "\n"


def notes(architecture: Architecture, fmt: str = CLOUDFORMATION) -> list[str]:
    """The warnings an export of the design to `fmt` (CloudFormation or Terraform) prints: the steps left to do
    by hand, then each value of the design the format cannot write (the table validation's OPS-035 reads too)."""
    template = build_template(architecture, for_terraform=True)
    steps = [f"not declared, to do by hand: {step}" for step in manual_steps(template)]
    instead = [
        f"written in place of the design's value: {line}" for line in written_instead(template, drawn=False)
    ]
    return steps + instead + lost_value_notes(architecture, fmt)


def terraform_notes(architecture: Architecture) -> list[str]:
    return notes(architecture, TERRAFORM)


def lost_value_notes(architecture: Architecture, fmt: str) -> list[str]:
    """`not written: Label (Service): name value, written as …: why` for each value `fmt` cannot write."""
    found = []
    for node in architecture.services():
        for gap, value in lost_values(node.type, node.properties):
            if fmt in gap.formats:
                found.append(
                    f"not written: {node.label} ({architecture.catalog.get(node.type).short_name}): {gap.name} {shown(value)} is written as "
                    f"{shown(gap.written)}: {gap.why}"
                )
    return found
