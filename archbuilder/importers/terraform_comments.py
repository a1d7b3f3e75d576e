"""What a Terraform export records in comments atop its main.tf for an import to read back, in the shape the
CloudFormation export records it in its Metadata: the values written in place of the design's
(exporters/cloudformation/manual.written_instead_comment), read back as the design's (importers/properties.py), and
the service types a resource's type does not tell (exporters/terraform/files.py)."""

from __future__ import annotations

import json
import re
from typing import Any

# `#   aws_ecs_service.web: fargate_task`, after TYPES_HEADING.
_TYPE = re.compile(r"^#   (?P<address>aws_[a-z0-9_]+\.[A-Za-z0-9_-]+): (?P<type>[a-z0-9_]+)$")
TYPES_HEADING = "# Service types the resource types do not tell (read back by archbuilder's import):"
_LINE = re.compile(r"^#   - (?P<node>.+?) \((?P<service>[^()]+)\): (?P<property>[a-z0-9_]+) (?P<values>.+)$")


def written_instead(main: str) -> list[dict[str, Any]]:
    """`#   - Label (Service): property <design JSON> is written as <written JSON>: why`, each line after the
    heading, until the first line that is not one; a line that does not read is where the list ends."""
    from archbuilder.exporters.cloudformation.manual import WRITTEN_AS, WRITTEN_INSTEAD_HEADING

    lines = main.splitlines()
    records = []
    for line in lines[lines.index(WRITTEN_INSTEAD_HEADING) + 1 :] if WRITTEN_INSTEAD_HEADING in lines else []:
        found = _LINE.match(line)
        values = _values(found["values"], WRITTEN_AS) if found else None
        if found is None or values is None:
            break
        records.append(
            {"node": found["node"], "service": found["service"], "property": found["property"]}
            | {"design": values[0], "written": values[1]}
        )
    return records


def _values(text: str, written_as: str) -> tuple[Any, Any] | None:
    """(design value, value written) from `<JSON> is written as <JSON>: why`; None if it does not read."""
    decoder = json.JSONDecoder()
    try:
        design, end = decoder.raw_decode(text)
        if not text.startswith(written_as, end):
            return None
        written, end = decoder.raw_decode(text, end + len(written_as))
    except json.JSONDecodeError:
        return None
    return (design, written) if text.startswith(": ", end) else None


def recorded_types(main: str, logical: dict[str, str]) -> dict[str, str]:
    """logical id -> the service type recorded for its resource (`#   aws_ecs_service.web: fargate_task`)."""
    lines = main.splitlines()
    types = {}
    for line in lines[lines.index(TYPES_HEADING) + 1 :] if TYPES_HEADING in lines else []:
        found = _TYPE.match(line)
        if found is None:
            break
        if found["address"] in logical:
            types[logical[found["address"]]] = found["type"]
    return types
