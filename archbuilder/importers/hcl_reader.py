"""Reads HCL into exactly the values python-hcl2 gives (`hcl2.loads`), about twenty times faster.

python-hcl2 parses with lark in pure Python, about 100 KB of HCL a second. tree-sitter's HCL grammar parses in C;
this module builds python-hcl2's values from tree-sitter's tree for what Terraform is mostly made of (blocks,
attributes, literals, plain strings, references, lists and maps, comments between statements) and hands every
other expression (function calls, operators, conditionals, for expressions, heredocs, templates with more than
references in them) to python-hcl2 itself, all of them in one small document. Whenever the two grammars could
disagree (a syntax error, a comment inside an expression, a line break where HCL ends a statement, a repeated
attribute, a name python-hcl2 reads as a keyword) the whole text goes to python-hcl2 instead, so the values,
and the errors, are python-hcl2's own.
"""

from __future__ import annotations

import copy
import functools
import itertools
import re
from typing import Any

import hcl2
import tree_sitter_hcl
from hcl2.rules.whitespace import NewLineOrCommentRule
from tree_sitter import Language, Node, Parser, Query, QueryCursor

# python-hcl2's NAME terminal; tree-sitter takes any Unicode identifier.
_NAME = re.compile(rb"[a-zA-Z_][a-zA-Z0-9_-]*")
# Names python-hcl2 lexes as literals, and as keywords (which it reads as names only where a name must stand:
# an attribute's, a block's, an object's key).
_LITERALS = {b"true", b"false", b"null"}
_RESERVED = _LITERALS | {b"in", b"for", b"for_each", b"if", b"else", b"endif", b"endfor"}
_INTEGER = re.compile(rb"[0-9]{1,30}")
_DECIMAL = re.compile(rb"[0-9]{1,30}\.[0-9]{1,30}")
# What python-hcl2 ignores between tokens, and its NL_OR_COMMENT terminal's four forms.
_SPACE = re.compile(rb"[ \t\r]+")
_GAP_TOKEN = re.compile(rb"\n[ \t]*|#.*\n|//.*\n|/\*(?:.|\n)*?\*/")
_TRAVERSAL_STEPS = {"get_attr", "index", "splat"}
# More nesting than this is read by python-hcl2 (a recursive walk must not run out of stack).
_MAX_DEPTH = 64
# python-hcl2 reads about 100 KB of HCL a second: it is given at most this much of a text (about 20 s). What this
# module does not read itself in a larger text is refused, naming the place, instead of taking minutes.
PYTHON_HCL2_BYTES = 2 * 1024 * 1024


class _Fallback(Exception):
    """The text is read by python-hcl2 as a whole."""


class HclError(ValueError):
    """A text over PYTHON_HCL2_BYTES that this module does not read (python-hcl2 is not asked to)."""


def loads(text: str) -> dict[str, Any]:
    """`hcl2.loads(text)`: the same values, the same exceptions; but a text over PYTHON_HCL2_BYTES that needs
    python-hcl2 as a whole is refused with HclError."""
    reader = None
    try:
        reader = _Reader(text)
        return reader.document()
    except (_Fallback, RecursionError, UnicodeError):
        if len(text.encode("utf-8", "surrogatepass")) > PYTHON_HCL2_BYTES:
            raise HclError(_refusal(reader)) from None
        return dict(hcl2.loads(text))


def _refusal(reader: _Reader | None) -> str:
    """Where tree-sitter found the text not to be HCL; else what in it only python-hcl2 reads."""
    if reader is not None and reader.root.has_error:
        node = reader.root
        while node.type != "ERROR" and not node.is_missing:
            child = next((child for child in node.children if child.has_error), None)
            if child is None:
                break
            node = child
        data = reader.data
        line_start = data.rfind(b"\n", 0, node.start_byte) + 1
        column = len(data[line_start : node.start_byte].decode("utf-8", "replace")) + 1
        near = data[node.start_byte : node.start_byte + 30].decode("utf-8", "replace").splitlines()[:1]
        return f"line {node.start_point.row + 1}, column {column}: not HCL here ({(near or [''])[0]!r})"
    limit = PYTHON_HCL2_BYTES // (1024 * 1024)
    return (
        f"over the {limit} MB of HCL that python-hcl2 is given, with what only python-hcl2 reads (a comment "
        "inside an expression, statements sharing a line, an attribute given twice) or with more than "
        f"{limit} MB of function calls, operators and heredocs"
    )


@functools.cache
def _parser() -> tuple[Parser, Query]:
    language = Language(tree_sitter_hcl.language())
    return Parser(language), Query(language, "(comment) @comment")


class _Reader:
    def __init__(self, text: str) -> None:
        # python-hcl2 reads the text with a line break added (its grammar ends statements with one).
        self.data = (text + "\n").encode("utf-8")
        parser, comments = _parser()
        self.root = parser.parse(self.data).root_node
        self.comments = len(QueryCursor(comments).captures(self.root).get("comment", []))
        self.comments_seen = 0
        # Expressions left to python-hcl2: their text, and where each value goes.
        self.deferred: dict[bytes, list[tuple[dict[str, Any] | list[Any], Any]]] = {}

    def document(self) -> dict[str, Any]:
        if self.root.has_error:
            raise _Fallback  # python-hcl2 gives the error, in its words
        children = [child for child in self.root.children if child.type != "comment"]
        if children and (len(children) != 1 or children[0].type != "body"):
            raise _Fallback  # a JSON-like object at the top
        result = self._body(children[0].children if children else [], 0, len(self.data), 0)
        if self.comments_seen != self.comments:
            raise _Fallback  # a comment inside an expression or a block's header
        self._resolve_deferred()
        return result

    def _text(self, start: int, end: int) -> str:
        return self.data[start:end].decode("utf-8")

    def _body(self, items: list[Node], start: int, end: int, depth: int) -> dict[str, Any]:
        """A body's attributes and blocks, as python-hcl2's BodyRule.serialize gives them."""
        if depth > _MAX_DEPTH:
            raise _Fallback
        result: dict[str, Any] = {}
        attributes: set[str] = set()
        comments: list[dict[str, str]] = []
        position = start
        statements = [item for item in items if item.type != "comment"]
        for index, item in enumerate(statements):
            self._gap(position, item.start_byte, comments, needs_line_break=index > 0)
            name = self._name(item.children[0])
            if item.type == "attribute":
                if name in result:
                    raise _Fallback  # python-hcl2 keeps the last value, or refuses a block's name
                attributes.add(name)
                result[name] = None
                self._no_line_break(item.children[0].end_byte, item.children[2].start_byte)
                self._value(item.children[2], result, name, depth)
            elif item.type == "block":
                if name in attributes:
                    raise _Fallback
                result.setdefault(name, []).append(self._block(item, depth))
            else:
                raise _Fallback
            position = item.end_byte
        self._gap(position, end, comments, needs_line_break=False)
        if comments:
            result["__comments__"] = comments
        return result

    def _gap(self, start: int, end: int, comments: list[dict[str, str]], needs_line_break: bool) -> None:
        """The line breaks and comments between two statements, tokenised as python-hcl2's lexer does, and the
        comments python-hcl2's NewLineOrCommentRule.to_list makes of them."""
        gap = self.data[start:end]
        if not gap.strip(b" \t\r\n"):  # no comment: only whether the statements are on lines of their own
            if needs_line_break and b"\n" not in gap:
                raise _Fallback
            return
        tokens = []
        position = 0
        while position < len(gap):
            space = _SPACE.match(gap, position)
            if space:
                position = space.end()
                continue
            token = _GAP_TOKEN.match(gap, position)
            if token is None:
                raise _Fallback  # something that is neither space nor comment (a `;`, an unclosed comment)
            tokens.append(token.group())
            self.comments_seen += token.group()[:1] != b"\n"
            position = token.end()
        if needs_line_break and not any(b"\n" in token for token in tokens):
            raise _Fallback  # two statements on one line: left to python-hcl2's grammar
        if tokens:
            found = NewLineOrCommentRule.from_string(b"".join(tokens).decode("utf-8")).to_list()
            comments.extend(found or [])

    def _block(self, block: Node, depth: int) -> dict[str, Any]:
        children = [child for child in block.children if child.type != "comment"]
        kinds = [child.type for child in children]
        if "block_start" not in kinds or kinds[-1] != "block_end":
            raise _Fallback
        opening = kinds.index("block_start")
        # Nothing but spaces between the block's type, its labels and its brace (a comment there is refused
        # here too, as it is not a space).
        for before, after in itertools.pairwise(children[: opening + 1]):
            self._no_line_break(before.end_byte, after.start_byte, strict=True)
        items = children[opening + 1].children if kinds[opening + 1] == "body" else []
        result = self._body(items, children[opening].end_byte, children[-1].start_byte, depth + 1)
        result["__is_block__"] = True
        for label in reversed(children[1:opening]):
            result = {self._label(label): result}
        return result

    def _label(self, label: Node) -> str:
        if label.type == "identifier":
            return self._name(label)
        if label.type == "string_lit" and self._plain_string(label.start_byte, label.end_byte):
            return self._text(label.start_byte, label.end_byte)
        raise _Fallback

    def _name(self, identifier: Node) -> str:
        text = self.data[identifier.start_byte : identifier.end_byte]
        if identifier.type != "identifier" or not _NAME.fullmatch(text) or text in _LITERALS:
            raise _Fallback
        return text.decode("ascii")

    def _no_line_break(self, start: int, end: int, strict: bool = False) -> None:
        between = self.data[start:end]
        if b"\n" in between or (strict and between.strip(b" \t\r")):
            raise _Fallback

    def _plain_string(self, start: int, end: int) -> bool:
        """A quoted string python-hcl2 keeps as written: no template sequence, no line break."""
        content = self.data[start + 1 : end - 1]
        return not (b"${" in content or b"%{" in content or b"\n" in content or b"\r" in content)

    def _value(self, expression: Node, into: dict[str, Any] | list[Any], key: Any, depth: int) -> None:
        """Puts the expression's value at into[key], now or once python-hcl2 has read it."""
        if depth > _MAX_DEPTH:
            raise _Fallback
        children = expression.children
        first = children[0]
        value: Any = _DEFER
        if len(children) == 1:
            if first.type == "literal_value":
                value = self._literal(first.children[0])
            elif first.type == "collection_value":
                value = self._collection(first.children[0], depth + 1)
            elif first.type == "template_expr":
                value = self._template(first.children[0])
            elif first.type == "variable_expr":
                value = self._plain_name(first.children[0])  # a name alone is written bare (`type = string`)
        elif first.type == "variable_expr" and all(child.type in _TRAVERSAL_STEPS for child in children[1:]):
            value = self._traversal(children)
        if value is _DEFER:
            self.deferred.setdefault(self.data[expression.start_byte : expression.end_byte], []).append(
                (into, key)
            )
            value = None
        if isinstance(into, dict):
            into[key] = value
        else:
            into.append(value)

    def _literal(self, literal: Node) -> Any:
        text = self.data[literal.start_byte : literal.end_byte]
        if literal.type == "numeric_lit":
            if _INTEGER.fullmatch(text):
                return int(text)
            # python-hcl2 keeps a number with an exponent as text (`${1e3}`).
            return float(text) if _DECIMAL.fullmatch(text) else _DEFER
        if literal.type == "bool_lit":
            return text == b"true"
        if literal.type == "null_lit":
            return None
        if literal.type == "string_lit" and self._plain_string(literal.start_byte, literal.end_byte):
            return text.decode("utf-8")
        return _DEFER

    def _collection(self, collection: Node, depth: int) -> Any:
        if collection.type == "tuple":
            items: list[Any] = []
            for child in collection.children:
                if child.type == "expression":
                    self._value(child, items, len(items), depth)
                elif child.type == "comment":
                    raise _Fallback
            return items
        entries: dict[str, Any] = {}
        elements = [child for child in collection.children if child.type == "object_elem"]
        keys = [self._key(element.children[0]) for element in elements]
        if None in keys or len(set(keys)) != len(keys):
            return _DEFER  # a computed key, or one given twice (the last one counts)
        for element, key in zip(elements, keys, strict=True):
            self._no_line_break(element.children[0].end_byte, element.children[2].start_byte)
            self._value(element.children[2], entries, key, depth)
        return entries

    def _key(self, expression: Node) -> str | None:
        """An object key python-hcl2 gives as written: a name, or a plain quoted string with its quotes."""
        children = expression.children
        if len(children) != 1:
            return None
        if children[0].type == "variable_expr":
            text = self.data[children[0].start_byte : children[0].end_byte]
            return text.decode("ascii") if _NAME.fullmatch(text) and text not in _LITERALS else None
        if children[0].type == "literal_value" and children[0].children[0].type == "string_lit":
            string = children[0].children[0]
            if self._plain_string(string.start_byte, string.end_byte):
                return self._text(string.start_byte, string.end_byte)
        return None

    def _template(self, template: Node) -> Any:
        """A quoted string whose only interpolations are references, as python-hcl2 writes it back
        (`"arn:${aws_s3_bucket.logs.arn}/*"`)."""
        if template.type != "quoted_template":
            return _DEFER  # a heredoc
        parts = ['"']
        position = template.children[0].end_byte
        for child in template.children[1:-1]:
            if child.type == "template_literal":
                continue
            if child.type != "template_interpolation" or len(child.children) != 3:
                return _DEFER  # a directive, a strip marker, an empty interpolation
            literal = self.data[position : child.start_byte]
            if b"${" in literal or b"%{" in literal or b"\n" in literal or b"\r" in literal:
                return _DEFER
            reference = self._traversal(child.children[1].children)
            if reference is _DEFER:
                return _DEFER
            parts += [literal.decode("utf-8"), reference]
            position = child.end_byte
        end = template.children[-1].start_byte
        if not self._plain_string(position - 1, end + 1):
            return _DEFER
        parts += [self._text(position, end), '"']
        return "".join(parts)

    def _traversal(self, steps: list[Node]) -> Any:
        """`name.attribute[0].*` as python-hcl2 writes it: `${name.attribute[0].*}`; a computed index or a
        line break inside is python-hcl2's."""
        if steps[0].type != "variable_expr" or b"\n" in self.data[steps[0].start_byte : steps[-1].end_byte]:
            return _DEFER
        written = [self._plain_name(steps[0].children[0])]
        for step in steps[1:]:
            written.append(self._step(step))
        if _DEFER in written:
            return _DEFER
        return "${" + "".join(written) + "}"

    def _step(self, step: Node) -> Any:
        children = step.children
        if step.type == "get_attr":
            name = self._plain_name(children[1])
            return name if name is _DEFER else "." + name
        if step.type == "index":
            index = children[0]
            if index.type == "legacy_index":
                return self._text(index.start_byte, index.end_byte)
            inner = index.children[1].children
            if len(inner) == 1 and inner[0].type == "literal_value":
                number = inner[0].children[0]
                text = self.data[number.start_byte : number.end_byte]
                if number.type == "numeric_lit" and _INTEGER.fullmatch(text):
                    return "[" + text.decode("ascii") + "]"
            return _DEFER
        if step.type == "splat":
            splat = children[0]
            written = ["[*]" if splat.type == "full_splat" else ".*"]
            written += [self._step(child) for child in splat.children[1:]]
            return _DEFER if _DEFER in written else "".join(written)
        return _DEFER

    def _plain_name(self, identifier: Node) -> Any:
        text = self.data[identifier.start_byte : identifier.end_byte]
        if identifier.type != "identifier" or not _NAME.fullmatch(text) or text in _RESERVED:
            return _DEFER
        return text.decode("ascii")

    def _resolve_deferred(self) -> None:
        """Reads every expression left to python-hcl2 in one document, each as the only item of a list (where
        line breaks inside it read as they did where it stood)."""
        if not self.deferred:
            return
        texts = list(self.deferred)
        document = "".join(f"v{index} = [\n{text.decode('utf-8')}\n]\n" for index, text in enumerate(texts))
        if len(document) > PYTHON_HCL2_BYTES:
            raise _Fallback
        try:
            values = hcl2.loads(document)
        except Exception:
            raise _Fallback from None  # python-hcl2 refuses one of them: the whole text gives its error
        for index, text in enumerate(texts):
            value = values.get(f"v{index}")
            if not isinstance(value, list) or len(value) != 1:
                raise _Fallback
            for into, key in self.deferred[text]:
                into[key] = copy.deepcopy(value[0])
        if "__comments__" in values or "__inline_comments__" in values:
            raise _Fallback


_DEFER: Any = object()
