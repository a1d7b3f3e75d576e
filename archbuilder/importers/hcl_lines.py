"""Reads a top-level HCL block from its lines alone, without tree-sitter, when it is made only of what most of a
Terraform export is: a header of names and plain labels, attributes whose values are strings (with no escape, and
no interpolation but of references), numbers, names and references, lists of those, maps of those one entry a
line, and nested blocks of the same, one statement a line. Its value is the one hcl_reader's walk of tree-sitter's
tree gives (tests compare the two).

Anything else in a block (a comment, a call, an operator, a heredoc, an escape, a keyword as a name, a control
character, a name given twice) leaves the whole block to tree-sitter and the walk, which read it, or hand it to
python-hcl2, as they did. Every line of a block read here is matched whole, `#`, `//` and `/*` only inside its
strings, and closes every string and bracket it opens but a map's, a list's or a block's, closed on a line of its
own: tree-sitter could not read it otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from archbuilder.importers.hcl_expressions import MAX_DEPTH, RESERVED, simple_text

_NAME = rb"[a-zA-Z_][a-zA-Z0-9_-]*"
# A quoted string with no escape, no template sequence and no control character but the tab.
_STRING = rb'"[^"\\\x00-\x08\x0a-\x1f\x7f$%]*"'
_REFERENCE = _NAME + rb"(?:\." + _NAME + rb")*"
# A quoted string whose interpolations are references alone (`"arn:${data.aws_partition.current.partition}:s3"`),
# which the walk writes back as they are written.
_TEMPLATE = rb'"(?:[^"\\\x00-\x08\x0a-\x1f\x7f$%]|\$\{' + _REFERENCE + rb'\})*"'
_SIMPLE = rb"(?:" + _TEMPLATE + rb"|[0-9]{1,30}(?:\.[0-9]{1,30})?|" + _REFERENCE + rb")"
_INTERPOLATION = re.compile(rb"\$\{(" + _REFERENCE + rb")\}")
_LABELS = rb"((?:[ \t]+(?:" + _NAME + rb"|" + _STRING + rb"))*)[ \t]*"
_BLOCK = re.compile(rb"[ \t]*(" + _NAME + rb")" + _LABELS + rb"\{[ \t]*(\}?)[ \t]*")
_LABEL = re.compile(_NAME + rb"|" + _STRING)
_ATTRIBUTE = re.compile(rb"[ \t]*(" + _NAME + rb")[ \t]*=[ \t]*(.*?)[ \t]*")
_ENTRY = re.compile(rb"[ \t]*(" + _NAME + rb"|" + _STRING + rb")[ \t]*=[ \t]*(" + _SIMPLE + rb")[ \t]*")
_ITEM = re.compile(rb"[ \t]*(" + _SIMPLE + rb")[ \t]*(,?)[ \t]*")
_LIST = re.compile(rb"\[[ \t]*(?:" + _SIMPLE + rb"(?:[ \t]*,[ \t]*" + _SIMPLE + rb")*[ \t]*)?\]")
_SIMPLE_ITEM = re.compile(_SIMPLE)
_CLOSE = re.compile(rb"[ \t]*\}[ \t]*")
_CLOSE_LIST = re.compile(rb"[ \t]*\][ \t]*")
_BLANK = re.compile(rb"[ \t]*")
_TEMPLATE_ALONE = re.compile(_TEMPLATE)


@dataclass(frozen=True, slots=True)
class PlainBlock:
    """A top-level block read from its lines: where it starts and ends (after its `}`), its name and value."""

    start_byte: int
    end_byte: int
    name: str
    value: dict[str, Any]
    type: str = "plain_block"


class _NotPlain(Exception):
    """The block has something only the tree-sitter walk reads."""


def plain_block(data: bytes, start: int, end: int) -> PlainBlock | None:
    """The block in data[start:end] (blank lines, then the block, its closing `}` alone on the last line), its value
    as hcl_reader's _block gives it; None when it is not plain."""
    segment = data[start:end]
    if not segment.endswith(b"\n}\n"):
        return None
    lines = segment.split(b"\n")[:-1]
    first = 0
    while first < len(lines) and _BLANK.fullmatch(lines[first]):
        first += 1
    try:
        name, value, after = _block(lines, first, 1)
    except _NotPlain:
        return None
    if after != len(lines):
        return None
    opening = start + sum(len(line) + 1 for line in lines[:first])
    return PlainBlock(opening, end - 1, name, value)


def _block(lines: list[bytes], index: int, depth: int) -> tuple[str, dict[str, Any], int]:
    """The block whose header is lines[index]: its name, its value and the index of the line after it."""
    header = _BLOCK.fullmatch(lines[index]) if index < len(lines) else None
    if header is None or depth > MAX_DEPTH - 2:  # the walk refuses less deep
        raise _NotPlain
    name = _name(header.group(1))
    if header.group(3):  # `name {}` on one line
        body: dict[str, Any] = {}
        index += 1
    else:
        body, index = _body(lines, index + 1, depth)
    body["__is_block__"] = True
    value = body
    for label in reversed(_LABEL.findall(header.group(2))):
        value = {label.decode("utf-8") if label[:1] == b'"' else _name(label): value}
    return name, value, index


def _body(lines: list[bytes], index: int, depth: int) -> tuple[dict[str, Any], int]:
    """The statements from lines[index] to the line closing their block, and the index of the line after it."""
    result: dict[str, Any] = {}
    while index < len(lines):
        line = lines[index]
        if _CLOSE.fullmatch(line):
            return result, index + 1
        if _BLANK.fullmatch(line):
            index += 1
            continue
        attribute = _ATTRIBUTE.fullmatch(line)
        if attribute is None:
            name, block, index = _block(lines, index, depth + 1)
            if name in result and not isinstance(result[name], list):
                raise _NotPlain  # a block named as an attribute
            result.setdefault(name, []).append(block)
            continue
        name = _name(attribute.group(1))
        if name in result:
            raise _NotPlain  # an attribute given twice, or named as a block
        result[name], index = _value(attribute.group(2), lines, index + 1)
    raise _NotPlain


def _value(text: bytes, lines: list[bytes], index: int) -> tuple[Any, int]:
    """An attribute's value written as `text` on its line, then on the lines from `index` when it opens a map or a
    list there; and the index of the line after it."""
    if text == b"{":
        return _map(lines, index)
    if text == b"[":
        return _list(lines, index)
    if _LIST.fullmatch(text):
        return [_simple(item) for item in _SIMPLE_ITEM.findall(text)], index
    if _BLANK.fullmatch(text[1:-1]) and text[:1] + text[-1:] == b"{}":
        return {}, index
    return _simple(text), index


def _map(lines: list[bytes], index: int) -> tuple[dict[str, Any], int]:
    entries: dict[str, Any] = {}
    while index < len(lines):
        if _CLOSE.fullmatch(lines[index]):
            return entries, index + 1
        entry = _ENTRY.fullmatch(lines[index])
        if entry is None:
            raise _NotPlain
        key = entry.group(1).decode("utf-8") if entry.group(1)[:1] == b'"' else _name(entry.group(1))
        if key in entries:
            raise _NotPlain  # python-hcl2 reads a map with a key given twice
        entries[key] = _simple(entry.group(2))
        index += 1
    raise _NotPlain


def _list(lines: list[bytes], index: int) -> tuple[list[Any], int]:
    """A list of one item a line, each but the last followed by a comma."""
    items: list[Any] = []
    comma = True
    while index < len(lines):
        if _CLOSE_LIST.fullmatch(lines[index]):
            return items, index + 1
        item = _ITEM.fullmatch(lines[index])
        if item is None or not comma:
            raise _NotPlain
        items.append(_simple(item.group(1)))
        comma = bool(item.group(2))
        index += 1
    raise _NotPlain


def _name(text: bytes) -> str:
    if text in RESERVED:
        raise _NotPlain  # a keyword: the walk refuses some, and tree-sitter may read them otherwise
    return text.decode("ascii")


def _simple(text: bytes) -> Any:
    if text[:1] == b'"':
        if not _TEMPLATE_ALONE.fullmatch(text):
            raise _NotPlain  # an escape, a control character, another template
        # The walk writes a template of references back as it is written (hcl_expressions._template), unless a
        # reference has a keyword in it.
        if b"${" in text and any(simple_text(found) is None for found in _INTERPOLATION.findall(text)):
            raise _NotPlain
        return text.decode("utf-8")
    read = simple_text(text)
    if read is None:
        raise _NotPlain
    return read[1]
