"""Reads a top-level HCL block from its text alone, without tree-sitter, when it is made only of what most of a
Terraform export is: a header of names and plain labels; attributes, one a line, whose values are strings (with no
escape, and no interpolation but of references), numbers, names, references, function calls, lists and maps of
those (a map's entries one a line, its key and value on one line); nested blocks of the same. Its value, and the
function calls read with their arguments, are those hcl_reader's walk of tree-sitter's tree gives (tests compare
the two).

Anything else in a block (a comment, an operator, a conditional, a heredoc, an escape, a keyword as a name, a
control character, a name given twice) leaves the whole block to tree-sitter and the walk, which read it, or hand
it to python-hcl2, as they did. Every token of a block read here is matched, `#`, `//` and `/*` only inside its
strings, and every string, bracket and block it opens is closed: tree-sitter could not read it otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from archbuilder.importers.hcl_expressions import RESERVED, Calls, simple_text

_NAME = rb"[a-zA-Z_][a-zA-Z0-9_-]*"
# A quoted string with no escape, no template sequence and no control character but the tab.
_STRING = rb'"[^"\\\x00-\x08\x0a-\x1f\x7f$%]*"'
_REFERENCE = _NAME + rb"(?:\." + _NAME + rb")*"
# A quoted string whose interpolations are references alone (`"arn:${data.aws_partition.current.partition}:s3"`),
# which the walk writes back as they are written.
_TEMPLATE = rb'"(?:[^"\\\x00-\x08\x0a-\x1f\x7f$%]|\$\{' + _REFERENCE + rb'\})*"'
_INTERPOLATION = re.compile(rb"\$\{(" + _REFERENCE + rb")\}")
_LABEL = re.compile(_NAME + rb"|" + _STRING)
_BLOCK = re.compile(
    rb"[ \t]*(" + _NAME + rb")((?:[ \t]+(?:" + _NAME + rb"|" + _STRING + rb"))*)[ \t]*\{[ \t]*"
)
_ATTRIBUTE = re.compile(rb"[ \t]*(" + _NAME + rb")[ \t]*=[ \t]*")
_ENTRY = re.compile(rb"[ \t]*(" + _NAME + rb"|" + _STRING + rb")[ \t]*=[ \t]*")
# One token of a value: a string, a number, a function's name and its `(`, a name or reference, a bracket.
_TOKEN = re.compile(
    rb"[ \t]*(?:("
    + _TEMPLATE
    + rb")|([0-9]{1,30}(?:\.[0-9]{1,30})?)|("
    + _NAME
    + rb")\(|("
    + _REFERENCE
    + rb")|"
    rb"([\[{]))"
)
_LINE_END = re.compile(rb"[ \t]*\n")
_BLANK_LINES = re.compile(rb"(?:[ \t]*\n)*")
_SPACE = re.compile(rb"[ \t\n]*")
_CLOSE = re.compile(rb"[ \t]*\}")
# Nesting deeper than this (blocks, brackets) is left to the walk, which hands python-hcl2 what is deeper still.
_MAX_DEPTH = 32


@dataclass(frozen=True, slots=True)
class PlainBlock:
    """A top-level block read from its text: where it starts and ends (after its `}`), its name and value, and the
    function calls read in it with their arguments' values."""

    start_byte: int
    end_byte: int
    name: str
    value: dict[str, Any]
    calls: Calls = field(default_factory=dict)
    type: str = "plain_block"


class _NotPlain(Exception):
    """The block has something only the tree-sitter walk reads."""


def plain_block(data: bytes, start: int, end: int) -> PlainBlock | None:
    """The block in data[start:end] (blank lines, then the block, its closing `}` alone on the last line), as
    hcl_reader's _block gives it; None when it is not plain."""
    if not data.startswith(b"\n}\n", end - 3):
        return None
    reader = _Reader(data)
    opening = _skip(_BLANK_LINES, data, start)
    try:
        name, value, after = reader.block(opening, 1)
    except _NotPlain:
        return None
    return PlainBlock(opening, end - 1, name, value, reader.calls) if after == end else None


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.calls: Calls = {}
        self.closing = 0  # where the line after the last block body read ends

    def block(self, position: int, depth: int) -> tuple[str, dict[str, Any], int]:
        """The block whose header starts at `position`: its name, its value and where the line after it starts."""
        header = _BLOCK.match(self.data, position)
        if header is None or depth > _MAX_DEPTH:
            raise _NotPlain
        name = _name(header.group(1))
        position = header.end()
        closed = _CLOSE.match(self.data, position)
        body = {} if closed is not None else self.body(self._line_end(position), depth)
        position = self._line_end(closed.end()) if closed is not None else self.closing
        body["__is_block__"] = True
        value = body
        for label in reversed(_LABEL.findall(header.group(2))):
            value = {label.decode("utf-8") if label[:1] == b'"' else _name(label): value}
        return name, value, position

    def body(self, position: int, depth: int) -> dict[str, Any]:
        """The statements from `position` to the line closing their block (self.closing: where the line after it
        starts)."""
        result: dict[str, Any] = {}
        attributes: set[str] = set()
        while True:
            position = _skip(_BLANK_LINES, self.data, position)
            closed = _CLOSE.match(self.data, position)
            if closed is not None:
                self.closing = self._line_end(closed.end())
                return result
            attribute = _ATTRIBUTE.match(self.data, position)
            if attribute is None:
                name, block, position = self.block(position, depth + 1)
                if name in attributes:
                    raise _NotPlain  # a block named as an attribute
                result.setdefault(name, []).append(block)
                continue
            name = _name(attribute.group(1))
            if name in result:
                raise _NotPlain  # an attribute given twice, or named as a block
            attributes.add(name)
            _written, result[name], position = self.value(attribute.end(), depth + 1)
            position = self._line_end(position)

    def value(self, position: int, depth: int) -> tuple[str, Any, int]:
        """The expression at `position`: as the walk writes it inside `${...}` and its value
        (hcl_expressions._inline), and where it ends."""
        token = _TOKEN.match(self.data, position)
        if token is None or depth > _MAX_DEPTH:
            raise _NotPlain
        text, kind = token.group(token.lastindex or 0), token.lastindex
        if kind == 1:  # a string
            return _string(text), text.decode("utf-8"), token.end()
        if kind in (2, 4):  # a number, a name or reference
            read = simple_text(text)
            if read is None:
                raise _NotPlain  # a keyword
            return read[0], read[1], token.end()
        if kind == 3:
            return self.call(_name(text), token.end(), depth)
        if text == b"[":
            return self.list(token.end(), depth)
        return self.map(token.end(), depth)

    def call(self, name: str, position: int, depth: int) -> tuple[str, Any, int]:
        """`name(a, b)`, its arguments on one line or more; its arguments' values go to self.calls."""
        written: list[str] = []
        values: list[Any] = []
        position = _skip(_SPACE, self.data, position)
        while self.data[position : position + 1] != b")":
            if written:
                position = self._comma(position)
            item = self.value(position, depth + 1)
            written.append(item[0])
            values.append(item[1])
            position = _skip(_SPACE, self.data, item[2])
        text = f"{name}({', '.join(written)})"
        self.calls["${" + text + "}"] = (name, values)
        return text, "${" + text + "}", position + 1

    def list(self, position: int, depth: int) -> tuple[str, Any, int]:
        """`[a, b]`, its items on one line or more, a comma after the last one or not."""
        written: list[str] = []
        values: list[Any] = []
        position = _skip(_SPACE, self.data, position)
        while self.data[position : position + 1] != b"]":
            item = self.value(position, depth + 1)
            written.append(item[0])
            values.append(item[1])
            if self.data[item[2] : item[2] + 1] == b",":
                position = _skip(_SPACE, self.data, item[2] + 1)
            else:
                position = _skip(_SPACE, self.data, item[2])
                if self.data[position : position + 1] != b"]":
                    raise _NotPlain  # items not parted by a comma
        return "[" + ", ".join(written) + "]", values, position + 1

    def map(self, position: int, depth: int) -> tuple[str, Any, int]:
        """`{}`, or `{` then one `key = value` a line, then `}` on a line of its own."""
        closed = _CLOSE.match(self.data, position)
        if closed is not None:
            return "{}", {}, closed.end()
        position = self._line_end(position)
        written: list[str] = []
        values: dict[str, Any] = {}
        while True:
            position = _skip(_BLANK_LINES, self.data, position)
            closed = _CLOSE.match(self.data, position)
            if closed is not None:
                return "{" + ", ".join(written) + "}", values, closed.end()
            entry = _ENTRY.match(self.data, position)
            if entry is None:
                raise _NotPlain
            key = entry.group(1).decode("utf-8") if entry.group(1)[:1] == b'"' else _name(entry.group(1))
            if key in values:
                raise _NotPlain  # python-hcl2 reads a map with a key given twice
            item = self.value(entry.end(), depth + 1)
            written.append(f"{key} = {item[0]}")
            values[key] = item[1]
            position = self._line_end(item[2])

    def _comma(self, position: int) -> int:
        if self.data[position : position + 1] != b",":
            raise _NotPlain
        return _skip(_SPACE, self.data, position + 1)

    def _line_end(self, position: int) -> int:
        end = _LINE_END.match(self.data, position)
        if end is None:
            raise _NotPlain  # something more on the line
        return end.end()


def _skip(pattern: re.Pattern[bytes], data: bytes, position: int) -> int:
    """Where what `pattern` (which matches an empty text too) matches at `position` ends."""
    return pattern.match(data, position).end()  # type: ignore[union-attr]


def _name(text: bytes) -> str:
    if text in RESERVED:
        raise _NotPlain  # a keyword: the walk refuses some, and tree-sitter may read them otherwise
    return text.decode("ascii")


def _string(text: bytes) -> str:
    """A string as the walk writes it: as written; unless a reference in it has a keyword in it."""
    if b"${" in text and any(simple_text(found) is None for found in _INTERPOLATION.findall(text)):
        raise _NotPlain
    return text.decode("utf-8")
