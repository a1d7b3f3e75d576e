"""Writes HCL the way `terraform fmt` lays it out: two-space indent, `=` aligned within runs of one-line attributes."""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from json.encoder import encode_basestring
from typing import Any


@dataclass(frozen=True, slots=True)
class Expr:
    """A raw HCL expression (a reference, a function call), written without quotes."""

    text: str


@dataclass(frozen=True, slots=True)
class Call:
    """A function applied to one HCL value, e.g. jsonencode({...}); the value is laid out at the call's indent."""

    function: str
    argument: Any


@dataclass(frozen=True, slots=True)
class Conditional:
    """`condition ? given : otherwise`, each side an HCL value laid out at the conditional's indent."""

    condition: str
    given: Any
    otherwise: Any


@dataclass(slots=True)
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
    escaped = encode_basestring(text)[1:-1]  # what json.dumps(text, ensure_ascii=False) writes
    if "{" in escaped:
        escaped = _DOLLAR_AFTER_DOLLAR.sub(r"\\u0024{", escaped)
        escaped = _DOLLAR.sub("$${", escaped).replace("%{", "\\u0025{")
    return escaped


def quote(text: str) -> str:
    return f'"{_escaped(text)}"'


@functools.lru_cache(maxsize=1 << 12)
def _key(name: str) -> str:
    return name if _IDENTIFIER.match(name) else quote(name)


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
    """On one line when the items are short and single-line, else one item a line with a trailing comma."""
    if not items:
        return "[]"
    rendered = [value(v, indent + 1) for v in items]
    joined = ", ".join(rendered)
    # The items' own length: the joined text less its separators.
    if len(joined) - 2 * (len(rendered) - 1) < 80 and "\n" not in joined:
        return "[" + joined + "]"
    pad = "  " * indent
    return "[\n" + pad + "  " + (",\n" + pad + "  ").join(rendered) + ",\n" + pad + "]"


def _one_line(item: Any) -> str:
    if isinstance(item, dict) and item:
        return "{ " + ", ".join(f"{_key(k)} = {_one_line(v)}" for k, v in item.items()) + " }"
    if isinstance(item, list):
        return "[" + ", ".join(_one_line(v) for v in item) + "]"
    return value(item, 0)


def _attributes(items: dict[str, Any], indent: int) -> str:
    """Attributes in order; consecutive one-line attributes share one `=` column, as terraform fmt does."""
    rendered: list[str] = []
    multi_line: tuple[int, ...] = ()  # the positions of the values written over several lines
    for item in items.values():
        kind = type(item)
        if kind is str:  # the most common value, and always one line (escaped)
            rendered.append(f'"{_escaped(item)}"')
            continue
        if kind is Expr:
            text = item.text
        elif kind is list:
            text = _list(item, indent)
        elif kind is int:
            text = str(item)
        else:
            text = value(item, indent)
        if "\n" in text:
            multi_line += (len(rendered),)
        rendered.append(text)
    return _layout(indent, tuple(items), multi_line).format(*rendered)


@functools.lru_cache(maxsize=1 << 14)
def _layout(indent: int, names: tuple[str, ...], multi_line: tuple[int, ...]) -> str:
    """The lines of a body with these attribute names, as a str.format template taking the rendered values:
    worked out once for each shape of body (a large export writes thousands of resources of each type)."""
    pad = "  " * indent
    lines: list[str] = []
    run: list[str] = []  # the keys of the run of one-line attributes being gathered
    for position, name in enumerate(names):
        if position in multi_line:
            _aligned(run, pad, lines)
            lines.append(f"{pad}{_format_text(_key(name))} = {{}}\n")
        else:
            run.append(_key(name))
    _aligned(run, pad, lines)
    return "".join(lines)


def _aligned(keys: list[str], pad: str, lines: list[str]) -> None:
    """The lines of one run of one-line attributes, their `=` in one column; empties the run."""
    if len(keys) == 1:
        lines.append(f"{pad}{_format_text(keys[0])} = {{}}\n")
    elif keys:
        width = max(map(len, keys))
        lines += [f"{pad}{_format_text(key.ljust(width))} = {{}}\n" for key in keys]
    keys.clear()


def _format_text(text: str) -> str:
    """`text` as literal text of a str.format template."""
    return text.replace("{", "{{").replace("}", "}}")


def block(item: Block, indent: int = 0) -> str:
    """A block: its attributes (laid out as _attributes does), then its nested blocks, parted by an empty line.
    One pass over the body, telling values apart by exact type: a large export writes 200,000 blocks."""
    pad = "  " * indent
    header = item.type
    for label in item.labels:
        # A label is most often a name (a resource's, unique): an identifier has nothing to escape.
        header += f' "{label}"' if label.isidentifier() else f' "{_escaped(label)}"'
    inner = indent + 1
    rendered: list[str] = []
    multi_line: list[int] = []  # the positions of the values written over several lines
    nested: list[str] = []
    nested_names: list[str] = []  # the attributes written as nested blocks, not in the body's `=` layout
    for name, child in item.body.items():
        kind = type(child)
        if kind is str:  # the most common value, and always one line (escaped)
            rendered.append(f'"{_escaped(child)}"')
            continue
        if kind is Expr:
            text = child.text
        elif kind is Block:
            nested.append(block(child, inner))
            nested_names.append(name)
            continue
        elif kind is list:
            if child and all(type(sub) is Block for sub in child):
                nested += [block(sub, inner) for sub in child]
                nested_names.append(name)
                continue
            text = _list(child, inner)
        elif kind is int:
            text = str(child)
        else:
            text = value(child, inner)
        if "\n" in text:
            multi_line.append(len(rendered))
        rendered.append(text)
    if rendered:
        names = tuple(item.body) if not nested_names else tuple(n for n in item.body if n not in nested_names)
        text = _layout(inner, names, tuple(multi_line)).format(*rendered)
        if text.endswith("\n\n"):  # a last value ending in a line break: one is enough
            text = text.rstrip("\n") + "\n"
        if nested:
            text += "\n" + "\n".join(nested)
    elif nested:
        text = "\n".join(nested)
    else:
        return f"{pad}{header} {{}}\n"
    return f"{pad}{header} {{\n{text}{pad}}}\n"


def document(blocks: list[Block]) -> str:
    return written_document([block(item) for item in blocks])


def written_document(texts: list[str]) -> str:
    """Blocks already written (block()) as one document, and the text they quoted forgotten."""
    try:
        return "\n".join(texts)
    finally:
        _escaped.cache_clear()
