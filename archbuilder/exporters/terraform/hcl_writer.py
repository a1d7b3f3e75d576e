"""Writes HCL the way `terraform fmt` lays it out: two-space indent, `=` aligned within runs of one-line attributes."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Expr:
    """A raw HCL expression (a reference, a function call), written without quotes."""

    text: str


@dataclass(frozen=True)
class Call:
    """A function applied to one HCL value, e.g. jsonencode({...}); the value is laid out at the call's indent."""

    function: str
    argument: Any


@dataclass
class Block:
    type: str
    labels: tuple[str, ...] = ()
    body: dict[str, Any] = field(default_factory=dict)  # values may be Block or list[Block] for nested blocks


_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")


# Terraform reads ${...} and %{...} in every quoted string as a template. Literal text escapes them: `${` as
# `$${` (the usual form), but as `\u0024{` after another `$` (`$$${` is right for Terraform but python-hcl2,
# which the Terraform import uses, cannot read it), and `%{` as `\u0025{` (python-hcl2 cannot read `%%{`).
# An escape sequence is never read as template syntax, so both forms mean the literal characters.
_DOLLAR_AFTER_DOLLAR = re.compile(r"(?<=\$)\$\{")
_DOLLAR = re.compile(r"(?<!\$)\$\{")


def literal(text: str, *, before_template: bool = False) -> str:
    """`text` as the inside of an HCL quoted string: JSON's escapes (which HCL shares) plus the template's.
    `before_template`: an interpolation follows, so a final `$` must not join it (`$${` is the escape)."""
    escaped = json.dumps(text, ensure_ascii=False)[1:-1]
    escaped = _DOLLAR_AFTER_DOLLAR.sub(r"\\u0024{", escaped)
    escaped = _DOLLAR.sub("$${", escaped).replace("%{", "\\u0025{")
    if before_template and escaped.endswith("$"):
        escaped = escaped[:-1] + "\\u0024"
    return escaped


def quote(text: str) -> str:
    return f'"{literal(text)}"'


def _key(name: str) -> str:
    return name if _IDENTIFIER.match(name) else quote(name)


def _is_block(value: Any) -> bool:
    return isinstance(value, Block) or (
        isinstance(value, list) and bool(value) and all(isinstance(v, Block) for v in value)
    )


def value(item: Any, indent: int) -> str:
    pad = "  " * indent
    if isinstance(item, Expr):
        return item.text
    if isinstance(item, Call):
        return f"{item.function}({value(item.argument, indent)})"
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, int | float):
        return json.dumps(item)
    if item is None:
        return "null"
    if isinstance(item, str):
        return quote(item)
    if isinstance(item, list):
        if not item:
            return "[]"
        rendered = [value(v, indent + 1) for v in item]
        if all("\n" not in r for r in rendered) and sum(len(r) for r in rendered) < 80:
            return "[" + ", ".join(rendered) + "]"
        inner = "".join(f"{pad}  {r},\n" for r in rendered)
        return "[\n" + inner + pad + "]"
    if isinstance(item, dict):
        if not item:
            return "{}"
        return "{\n" + _attributes(item, indent + 1) + pad + "}"
    raise TypeError(f"cannot write {type(item).__name__} as HCL")


def _attributes(items: dict[str, Any], indent: int) -> str:
    """Attributes in order; consecutive one-line attributes share one `=` column, as terraform fmt does."""
    pad = "  " * indent
    lines: list[str] = []
    run: list[tuple[str, str]] = []

    def flush() -> None:
        width = max((len(k) for k, _ in run), default=0)
        lines.extend(f"{pad}{k.ljust(width)} = {v}\n" for k, v in run)
        run.clear()

    for name, item in items.items():
        key = _key(name)
        rendered = value(item, indent)
        if "\n" in rendered:
            flush()
            lines.append(f"{pad}{key} = {rendered}\n")
        else:
            run.append((key, rendered))
    flush()
    return "".join(lines)


def block(item: Block, indent: int = 0) -> str:
    pad = "  " * indent
    header = " ".join([item.type, *(quote(label) for label in item.labels)])
    attributes = {k: v for k, v in item.body.items() if not _is_block(v)}
    nested = [(k, v) for k, v in item.body.items() if _is_block(v)]
    parts = [_attributes(attributes, indent + 1)] if attributes else []
    for _name, child in nested:
        for sub in child if isinstance(child, list) else [child]:
            parts.append(block(sub, indent + 1))
    inner = "\n".join(part.rstrip("\n") + "\n" for part in parts)
    return f"{pad}{header} {{\n{inner}{pad}}}\n" if parts else f"{pad}{header} {{}}\n"


def document(blocks: list[Block]) -> str:
    return "\n".join(block(item) for item in blocks)
