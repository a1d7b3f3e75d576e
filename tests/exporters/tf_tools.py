"""Reading Terraform output back: python-hcl2 parses it, and every reference must name something it defines."""

from __future__ import annotations

import re
from typing import Any

import hcl2

_DEFINITION = re.compile(r'^(resource|data) "([a-z0-9_]+)" "([a-z0-9_]+)"', re.M)
_REFERENCE = re.compile(r"(?<![\w.\"])((?:data\.)?(?:aws|archive)_[a-z0-9_]+\.[a-z0-9_]+|var\.[a-z0-9_]+)")


def plain(value: Any) -> Any:
    """python-hcl2 8 keeps quotes on strings and block labels; strip them for comparisons."""
    if isinstance(value, dict):
        return {plain(k): plain(v) for k, v in value.items() if k != "__is_block__"}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, str) and len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1]
    return value


def resources(files: dict[str, str]) -> dict[tuple[str, str], dict[str, Any]]:
    """Every `resource` block of main.tf by (type, name), parsed."""
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for entry in plain(hcl2.loads(files["main.tf"])).get("resource", []):
        for kind, named in entry.items():
            for name, body in named.items():
                found[(kind, name)] = body
    return found


def unresolved_references(texts: dict[str, str]) -> list[str]:
    """References (`aws_x.name`, `data.aws_x.name`, `var.name`) to nothing the files define; each file parses."""
    for text in texts.values():
        hcl2.loads(text)
    joined = "\n".join(texts.values())
    defined = {f"{m[0] + '.' if m[0] == 'data' else ''}{m[1]}.{m[2]}" for m in _DEFINITION.findall(joined)}
    defined |= {f"var.{v}" for v in re.findall(r'^variable "([a-z0-9_]+)"', joined, re.M)}
    references = set(_REFERENCE.findall(joined))
    references -= {r for r in references if r.startswith(("aws.", "hashicorp"))}
    return sorted(references - defined)
