"""The expressions hcl_reader reads from tree-sitter's tree as python-hcl2 does: literals, plain strings, references,
lists and maps, and (as the text python-hcl2 writes for them, `${jsonencode({Version = "2012-10-17"})}`) function
calls and conditionals made of those, with references, computed indexes and calls inside quoted strings.

python-hcl2 gives an expression it does not reduce to a value as its own rewriting of it inside `${...}`: numbers as
Python prints them, strings as written (quotes and escapes kept), names and references bare, `{key = value, ...}`,
`[a, b]`, `name(a, b)`, `c ? a : b`, all on one line. ExpressionReader writes the same text for these; whatever
else (operators, for expressions, heredocs, splats of a call, comments, line breaks python-hcl2's grammar may
read otherwise) it leaves to python-hcl2. Whoever reads a call's arguments (the Terraform import decodes
`jsonencode`) finds their values in `calls`, instead of parsing the call's text again.
"""

from __future__ import annotations

import re
from typing import Any

from tree_sitter import Node

# python-hcl2's NAME terminal; tree-sitter takes any Unicode identifier.
NAME = re.compile(rb"[a-zA-Z_][a-zA-Z0-9_-]*")
# Names python-hcl2 lexes as literals, and as keywords (which it reads as names only where a name must stand:
# an attribute's, a block's, an object's key).
LITERALS = {b"true", b"false", b"null"}
RESERVED = LITERALS | {b"in", b"for", b"for_each", b"if", b"else", b"endif", b"endfor"}
_INTEGER = re.compile(rb"[0-9]{1,30}")
_DECIMAL = re.compile(rb"[0-9]{1,30}\.[0-9]{1,30}")
TRAVERSAL_STEPS = {"get_attr", "index", "splat"}
# What most of a Terraform file's values are, read from their text without walking their nodes (a million of them
# in 5 MB): a quoted string with no template sequence and no line break, a number, a name, a reference `a.b.c`.
_SIMPLE = re.compile(
    rb'"(?:[^"\\\n\r]|\\[^\n\r])*"|[0-9]{1,30}(?:\.[0-9]{1,30})?|[a-zA-Z_][a-zA-Z0-9_-]*(?:\.[a-zA-Z_][a-zA-Z0-9_-]*)*'
)
_ATTRIBUTE = re.compile(rb"([a-zA-Z_][a-zA-Z0-9_-]*)[ \t]*=[ \t]*(.*)", re.DOTALL)
_PLAIN_STRING = re.compile(rb'"(?:[^"\\\n\r]|\\[^\n\r])*"')
_LITERAL_VALUES = {b"true": True, b"false": False, b"null": None}
_CONDITIONAL = ["expression", "?", "expression", ":", "expression"]
# More nesting than this is read by python-hcl2 (a recursive walk must not run out of stack).
MAX_DEPTH = 64
# A function call's text as python-hcl2 writes it (`${jsonencode({a = 1})}`) -> its name and its arguments'
# values, as `hcl2.loads` reads them from `arguments = [<the text between the parentheses>]`.
Calls = dict[str, tuple[str, list[Any]]]


def simple_text(text: bytes) -> tuple[str, Any] | None:
    """A string, number, name or reference read from its text alone, as ExpressionReader._inline gives it; None for
    other expressions."""
    if not _SIMPLE.fullmatch(text):
        return None
    if text[:1] == b'"':
        if b"${" in text or b"%{" in text:
            return None
        string = text.decode("utf-8")
        return string, string
    if text[:1].isdigit():
        number = float(text) if b"." in text else int(text)
        return str(number), number
    if text in _LITERAL_VALUES:
        return text.decode("ascii"), _LITERAL_VALUES[text]
    if any(name in RESERVED for name in text.split(b".")):
        return None
    name = text.decode("ascii")
    return (name, name) if b"." not in text else (name, "${" + name + "}")


class Fallback(Exception):
    """The text is read by python-hcl2 as a whole."""


DEFER: Any = object()
"""An expression python-hcl2 is to read."""


class ExpressionReader:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.calls: Calls = {}

    def _text(self, start: int, end: int) -> str:
        return self.data[start:end].decode("utf-8")

    def _no_line_break(self, start: int, end: int, strict: bool = False) -> None:
        between = self.data[start:end]
        if b"\n" in between or (strict and between.strip(b" \t\r")):
            raise Fallback

    def _plain_string(self, start: int, end: int) -> bool:
        """A quoted string python-hcl2 keeps as written: no template sequence, no line break."""
        content = self.data[start + 1 : end - 1]
        return not (b"${" in content or b"%{" in content or b"\n" in content or b"\r" in content)

    def _literal(self, literal: Node) -> Any:
        text = self.data[literal.start_byte : literal.end_byte]
        if literal.type == "numeric_lit":
            if _INTEGER.fullmatch(text):
                return int(text)
            # python-hcl2 keeps a number with an exponent as text (`${1e3}`).
            return float(text) if _DECIMAL.fullmatch(text) else DEFER
        if literal.type == "bool_lit":
            return text == b"true"
        if literal.type == "null_lit":
            return None
        if literal.type == "string_lit" and self._plain_string(literal.start_byte, literal.end_byte):
            return text.decode("utf-8")
        return DEFER

    def _key(self, expression: Node) -> str | None:
        """An object key python-hcl2 gives as written: a name, or a plain quoted string with its quotes."""
        text = self.data[expression.start_byte : expression.end_byte]
        if NAME.fullmatch(text) and text not in LITERALS:
            return text.decode("ascii")
        if _PLAIN_STRING.fullmatch(text) and b"${" not in text and b"%{" not in text:
            return text.decode("utf-8")
        children = expression.children
        if len(children) != 1:
            return None
        if children[0].type == "variable_expr":
            text = self.data[children[0].start_byte : children[0].end_byte]
            return text.decode("ascii") if NAME.fullmatch(text) and text not in LITERALS else None
        if children[0].type == "literal_value" and children[0].children[0].type == "string_lit":
            string = children[0].children[0]
            if self._plain_string(string.start_byte, string.end_byte):
                return self._text(string.start_byte, string.end_byte)
        return None

    def _template(self, template: Node, depth: int) -> Any:
        """A quoted string whose interpolations are expressions read here, on one line, as python-hcl2 writes it
        back (`"arn:${aws_s3_bucket.logs.arn}/*"`)."""
        if template.type != "quoted_template":
            return DEFER  # a heredoc
        parts = ['"']
        position = template.children[0].end_byte
        for child in template.children[1:-1]:
            if child.type == "template_literal":
                continue
            if child.type != "template_interpolation" or len(child.children) != 3:
                return DEFER  # a directive, a strip marker, an empty interpolation
            literal = self.data[position : child.start_byte]
            if b"${" in literal or b"%{" in literal or b"\n" in literal or b"\r" in literal:
                return DEFER
            if b"\n" in self.data[child.start_byte : child.end_byte]:
                return DEFER
            inline = self._inline(child.children[1], depth + 1)
            if inline is None:
                return DEFER
            parts += [literal.decode("utf-8"), "${", inline[0], "}"]
            position = child.end_byte
        end = template.children[-1].start_byte
        if not self._plain_string(position - 1, end + 1):
            return DEFER
        parts += [self._text(position, end), '"']
        return "".join(parts)

    def _traversal(self, steps: list[Node], depth: int) -> Any:
        """`name.attribute[0][var.key].*` as python-hcl2 writes it: `${name.attribute[0][var.key].*}`; a line
        break inside is python-hcl2's."""
        if steps[0].type != "variable_expr" or b"\n" in self.data[steps[0].start_byte : steps[-1].end_byte]:
            return DEFER
        written = [self._plain_name(steps[0].children[0])]
        for step in steps[1:]:
            written.append(self._step(step, depth))
        if DEFER in written:
            return DEFER
        return "${" + "".join(written) + "}"

    def _step(self, step: Node, depth: int) -> Any:
        children = step.children
        if step.type == "get_attr":
            name = self._plain_name(children[1])
            return name if name is DEFER else "." + name
        if step.type == "index":
            index = children[0]
            if index.type == "legacy_index":
                return self._text(index.start_byte, index.end_byte)
            inline = self._inline(index.children[1], depth + 1)
            return DEFER if inline is None else "[" + inline[0] + "]"
        if step.type == "splat":
            splat = children[0]
            written = ["[*]" if splat.type == "full_splat" else ".*"]
            written += [self._step(child, depth) for child in splat.children[1:]]
            return DEFER if DEFER in written else "".join(written)
        return DEFER

    def _plain_name(self, identifier: Node) -> Any:
        text = self.data[identifier.start_byte : identifier.end_byte]
        if identifier.type != "identifier" or not NAME.fullmatch(text) or text in RESERVED:
            return DEFER
        return text.decode("ascii")

    def _simple(self, expression: Node) -> tuple[str, Any] | None:
        """A string, number, name or reference as _inline gives it, read from its text alone; None for others."""
        return simple_text(self.data[expression.start_byte : expression.end_byte])

    def _simple_attribute(self, attribute: Node) -> tuple[str, Any] | None:
        """`name = <what _simple reads>` on one line: the name and the value, read from the text alone."""
        found = _ATTRIBUTE.fullmatch(self.data[attribute.start_byte : attribute.end_byte])
        if found is None or found.group(1) in LITERALS:
            return None
        simple = simple_text(found.group(2))
        return None if simple is None else (found.group(1).decode("ascii"), simple[1])

    def _inline(self, expression: Node, depth: int) -> tuple[str, Any] | None:
        """An expression as python-hcl2 writes it inside `${...}`, and its value as python-hcl2 reads it where it
        stands alone; None for what only python-hcl2 reads."""
        if depth > MAX_DEPTH:
            raise Fallback
        simple = self._simple(expression)
        if simple is not None:
            return simple
        children = expression.children
        first = children[0]
        if len(children) > 1:
            if first.type != "variable_expr" or not all(c.type in TRAVERSAL_STEPS for c in children[1:]):
                return None
            reference = self._traversal(children, depth)
            return None if reference is DEFER else (reference[2:-1], reference)
        if first.type == "literal_value":
            value = self._literal(first.children[0])
            if value is DEFER:
                return None
            if isinstance(value, bool) or value is None:
                return {True: "true", False: "false", None: "null"}[value], value
            return (value if isinstance(value, str) else str(value)), value
        if first.type == "template_expr":
            value = self._template(first.children[0], depth)
            return None if value is DEFER else (value, value)
        if first.type == "variable_expr":
            name = self._plain_name(first.children[0])
            return None if name is DEFER else (name, name)
        if first.type == "function_call":
            return self._inline_call(first, depth + 1)
        if first.type == "conditional":
            return self._inline_conditional(first, depth + 1)
        if first.type == "collection_value":
            return self._inline_collection(first.children[0], depth + 1)
        return None

    def _inline_call(self, call: Node, depth: int) -> tuple[str, Any] | None:
        """`name(a, b)`; its arguments' values go to self.calls."""
        name = self.data[call.children[0].start_byte : call.children[0].end_byte]
        if not NAME.fullmatch(name) or name in RESERVED:
            return None  # a provider's function (`provider::p::f`)
        arguments = next((child for child in call.children if child.type == "function_arguments"), None)
        items = []
        for child in arguments.children if arguments is not None else []:
            if child.type == "expression":
                item = self._inline(child, depth)
                if item is None:
                    return None
                items.append(item)
            elif child.type != ",":
                return None  # an ellipsis, a comment
        text = f"{name.decode('ascii')}({', '.join(item[0] for item in items)})"
        self.calls["${" + text + "}"] = (name.decode("ascii"), [item[1] for item in items])
        return text, "${" + text + "}"

    def _inline_conditional(self, conditional: Node, depth: int) -> tuple[str, Any] | None:
        """`c ? a : b`, with no line break around `?` and `:` (where python-hcl2's grammar may end it)."""
        if [child.type for child in conditional.children] != _CONDITIONAL:
            return None
        condition, _question, when_true, _colon, when_false = conditional.children
        for before, after in zip(conditional.children, conditional.children[1:], strict=False):
            if b"\n" in self.data[before.end_byte : after.start_byte]:
                return None
        items = [self._inline(part, depth) for part in (condition, when_true, when_false)]
        if any(item is None for item in items):
            return None
        text = "{} ? {} : {}".format(*(item[0] for item in items if item is not None))
        return text, "${" + text + "}"

    def _inline_collection(self, collection: Node, depth: int) -> tuple[str, Any] | None:
        """`[a, b]` and `{key = value, ...}`, as a list and a dict."""
        if collection.type == "tuple":
            items = []
            for child in collection.children:
                if child.type == "expression":
                    item = self._inline(child, depth)
                    if item is None:
                        return None
                    items.append(item)
                elif child.type == "comment":
                    raise Fallback
            return "[" + ", ".join(item[0] for item in items) + "]", [item[1] for item in items]
        elements = [child for child in collection.children if child.type == "object_elem"]
        keys = [self._key(element.children[0]) for element in elements]
        if None in keys or len(set(keys)) != len(keys):
            return None  # a computed key, or one given twice
        texts, values = [], {}
        for element, key in zip(elements, keys, strict=True):
            self._no_line_break(element.children[0].end_byte, element.children[2].start_byte)
            item = self._inline(element.children[2], depth)
            if item is None:
                return None
            texts.append(f"{key} = {item[0]}")
            values[key] = item[1]
        return "{" + ", ".join(texts) + "}", values
