"""Writes HCL the way `terraform fmt` lays it out: two-space indent, `=` aligned within runs of one-line attributes."""

from __future__ import annotations

import functools
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


@dataclass(frozen=True)
class Conditional:
    """`condition ? given : otherwise`, each side an HCL value laid out at the conditional's indent."""

    condition: str
    given: Any
    otherwise: Any


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
    escaped = _escaped(text)
    if before_template and escaped.endswith("$"):
        escaped = escaped[:-1] + "\\u0024"
    return escaped


@functools.cache  # emptied after each document: a large export quotes the same text over and over
def _escaped(text: str) -> str:
    escaped = json.dumps(text, ensure_ascii=False)[1:-1]
    if "{" in escaped:
        escaped = _DOLLAR_AFTER_DOLLAR.sub(r"\\u0024{", escaped)
        escaped = _DOLLAR.sub("$${", escaped).replace("%{", "\\u0025{")
    return escaped


def quote(text: str) -> str:
    return f'"{_escaped(text)}"'


@functools.lru_cache(maxsize=1 << 12)
def _key(name: str) -> str:
    return name if _IDENTIFIER.match(name) else quote(name)


def _is_block(value: Any) -> bool:
    return isinstance(value, Block) or (
        isinstance(value, list) and bool(value) and all(isinstance(v, Block) for v in value)
    )


def value(item: Any, indent: int) -> str:
    kind = type(item)
    if kind is str:
        return f'"{_escaped(item)}"'
    if kind is Expr:
        return item.text
    if kind is list:
        return _list(item, indent)
    if kind is dict:
        return "{\n" + _attributes(item, indent + 1) + "  " * indent + "}" if item else "{}"
    if kind is bool:
        return "true" if item else "false"
    if kind is int:
        return str(item)  # what json.dumps writes for an int
    if isinstance(item, Expr):
        return item.text
    if isinstance(item, Call):
        return f"{item.function}({value(item.argument, indent)})"
    if isinstance(item, Conditional):
        # Each side on one line: terraform fmt indents the lines of a conditional's multi-line sides oddly.
        return f"{item.condition} ? {_one_line(item.given)} : {_one_line(item.otherwise)}"
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, int | float):
        return json.dumps(item)
    if item is None:
        return "null"
    if isinstance(item, str):
        return quote(item)
    if isinstance(item, list):
        return _list(item, indent)
    if isinstance(item, dict):
        return "{\n" + _attributes(item, indent + 1) + "  " * indent + "}" if item else "{}"
    raise TypeError(f"cannot write {type(item).__name__} as HCL")


def _list(items: list[Any], indent: int) -> str:
    if not items:
        return "[]"
    rendered = [value(v, indent + 1) for v in items]
    if sum(len(r) for r in rendered) < 80 and not any("\n" in r for r in rendered):
        return "[" + ", ".join(rendered) + "]"
    pad = "  " * indent
    return "[\n" + "".join(f"{pad}  {r},\n" for r in rendered) + pad + "]"


def _one_line(item: Any) -> str:
    if isinstance(item, dict) and item:
        return "{ " + ", ".join(f"{_key(k)} = {_one_line(v)}" for k, v in item.items()) + " }"
    if isinstance(item, list):
        return "[" + ", ".join(_one_line(v) for v in item) + "]"
    return value(item, 0)


def _attributes(items: dict[str, Any], indent: int) -> str:
    """Attributes in order; consecutive one-line attributes share one `=` column, as terraform fmt does."""
    pad = "  " * indent
    lines: list[str] = []
    keys: list[str] = []  # the run of one-line attributes being gathered, and their values
    values: list[str] = []
    for name, item in items.items():
        key = _key(name)
        kind = type(item)
        if kind is str:  # the most common value, and always one line (escaped)
            rendered = f'"{_escaped(item)}"'
        else:
            rendered = item.text if kind is Expr else value(item, indent)
            if "\n" in rendered:
                if keys:
                    _flush(keys, values, pad, lines)
                lines.append(f"{pad}{key} = {rendered}\n")
                continue
        keys.append(key)
        values.append(rendered)
    if keys:
        _flush(keys, values, pad, lines)
    return "".join(lines)


def _flush(keys: list[str], values: list[str], pad: str, lines: list[str]) -> None:
    if len(keys) == 1:
        lines.append(f"{pad}{keys[0]} = {values[0]}\n")
    else:
        width = max(map(len, keys))
        lines += [f"{pad}{key.ljust(width)} = {text}\n" for key, text in zip(keys, values, strict=True)]
    keys.clear()
    values.clear()


def block(item: Block, indent: int = 0) -> str:
    pad = "  " * indent
    header = item.type
    for label in item.labels:
        header += f' "{_escaped(label)}"'
    body = item.body
    for child in body.values():
        if type(child) is Block or type(child) is list:
            body, nested = _split_nested(body)
            break
    else:
        nested = []
    parts = [_attributes(body, indent + 1)] if body else []
    if nested:
        parts += [block(sub, indent + 1) for sub in nested]
    if not parts:
        return f"{pad}{header} {{}}\n"
    inner = "\n".join([part.rstrip("\n") + "\n" for part in parts])  # parted by one empty line
    return f"{pad}{header} {{\n{inner}{pad}}}\n"


def _split_nested(body: dict[str, Any]) -> tuple[dict[str, Any], list[Block]]:
    """A block body's attributes, and the blocks nested in it (written after them, in order)."""
    attributes: dict[str, Any] = {}
    nested: list[Block] = []
    for key, child in body.items():
        if _is_block(child):
            nested += [child] if isinstance(child, Block) else child
        else:
            attributes[key] = child
    return attributes, nested


def document(blocks: list[Block]) -> str:
    try:
        return "\n".join([block(item) for item in blocks])
    finally:
        _escaped.cache_clear()
