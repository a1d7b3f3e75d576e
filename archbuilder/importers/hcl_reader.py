"""Reads HCL into exactly the values python-hcl2 gives (`hcl2.loads`), about twenty times faster.

python-hcl2 parses with lark in pure Python, about 100 KB of HCL a second. tree-sitter's HCL grammar parses in C;
this module builds python-hcl2's values from tree-sitter's tree for what Terraform is mostly made of (blocks,
attributes, literals, plain strings, references, lists and maps, comments between statements, and function calls,
conditionals and templates made of those: hcl_expressions.py) and hands every other expression (operators, for
expressions, heredocs) to python-hcl2 itself, all of them in one small document. Whenever the two grammars could
disagree (a syntax error, a comment inside an expression, a line break where HCL ends a statement, a repeated
attribute, a name python-hcl2 reads as a keyword) the whole text goes to python-hcl2 instead, so the values,
and the errors, are python-hcl2's own. Most top-level blocks of an export are plain enough to be read from their
text alone, as the walk would read them (hcl_lines.py); tree-sitter parses the rest, a piece at a time.
"""

from __future__ import annotations

import copy
import functools
import itertools
import re
from collections.abc import Iterable, Iterator
from typing import Any

import hcl2
import tree_sitter_hcl
from hcl2.rules.whitespace import NewLineOrCommentRule
from tree_sitter import Language, Node, Parser, Query, QueryCursor, Range

from archbuilder.importers.hcl_expressions import (
    DEFER,
    LITERALS,
    MAX_DEPTH,
    NAME,
    TRAVERSAL_STEPS,
    Calls,
    ExpressionReader,
    Fallback,
)
from archbuilder.importers.hcl_lines import PlainBlock, plain_block

_COMMENT_START = re.compile(rb"#|//|/\*")
# What python-hcl2 ignores between tokens, and its NL_OR_COMMENT terminal's four forms.
_SPACE = re.compile(rb"[ \t\r]+")
_GAP_TOKEN = re.compile(rb"\n[ \t]*|#.*\n|//.*\n|/\*(?:.|\n)*?\*/")
# python-hcl2 reads about 100 KB of HCL a second: it is given at most this much of a text (about 20 s). What this
# module does not read itself in a larger text is refused, naming the place, instead of taking minutes.
PYTHON_HCL2_BYTES = 2 * 1024 * 1024
# A text is parsed in pieces of at least this many bytes, each ending after a `}` alone on its line (where a
# top-level block ends), and each piece's tree is read and freed before the next is parsed: tree-sitter parsed
# the 4.9 MB main.tf of 2,500 services in 1.0 s of CPU as one piece and in 0.69 s so, and its whole tree held
# 320 MB. A piece tree-sitter finds broken (that `}` was inside a heredoc, a comment or a string) makes the text
# parse as one piece instead, as every text did.
PIECE_BYTES = 8192
# Whether blocks hcl_lines reads from their lines are read so (the tests compare both ways).
READS_PLAIN_BLOCKS = True
_PIECE_END = b"\n}\n"


class HclError(ValueError):
    """A text over PYTHON_HCL2_BYTES that this module does not read (python-hcl2 is not asked to)."""


class _BrokenPiece(Exception):
    """A piece of the text is not HCL on its own: the text is parsed as one piece."""


def loads(text: str, calls: Calls | None = None) -> dict[str, Any]:
    """`hcl2.loads(text)`: the same values, the same exceptions; but a text over PYTHON_HCL2_BYTES that needs
    python-hcl2 as a whole is refused with HclError. `calls`, when given, gains the function calls this module
    read itself, with their arguments' values (what reading their text again would give)."""
    reader = None
    try:
        reader = _Reader(text)
        document = reader.document()
        if calls is not None:
            calls.update(reader.calls)
        return document
    except (Fallback, RecursionError, UnicodeError):
        if len(text.encode("utf-8", "surrogatepass")) > PYTHON_HCL2_BYTES:
            raise HclError(_refusal(reader)) from None
        return dict(hcl2.loads(text))


def _refusal(reader: _Reader | None) -> str:
    """Where tree-sitter found the text not to be HCL; else what in it only python-hcl2 reads."""
    root = reader.whole_root() if reader is not None else None
    if reader is not None and root is not None and root.has_error:
        node = root
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


@functools.cache
def _piece_parser() -> Parser:
    """A parser of one piece of a text at a time (its included range), giving nodes their place in the text."""
    return Parser(Language(tree_sitter_hcl.language()))


class _Reader(ExpressionReader):
    def __init__(self, text: str) -> None:
        # python-hcl2 reads the text with a line break added (its grammar ends statements with one).
        super().__init__((text + "\n").encode("utf-8"))
        # The whole text's tree, once parsed as one piece (a piece was broken, or an error is to be placed).
        self.root: Node | None = None
        self.comments_seen = 0
        self.comments_found = 0
        self.row, self.row_start = 0, 0  # the line a piece starts on, and where that was counted to
        # Expressions left to python-hcl2: their text, and where each value goes.
        self.deferred: dict[bytes, list[tuple[dict[str, Any] | list[Any], Any]]] = {}

    def whole_root(self) -> Node:
        if self.root is None:
            self.root = _parser()[0].parse(self.data).root_node
        return self.root

    def document(self) -> dict[str, Any]:
        try:
            return self._document(self._statements())
        except _BrokenPiece:
            self.comments_seen = self.comments_found = 0
            self.deferred, self.calls = {}, {}
            return self._document(self._piece_statements(self.whole_root(), 0, len(self.data)))

    def _document(self, statements: Iterator[Node | PlainBlock]) -> dict[str, Any]:
        result = self._body(statements, 0, len(self.data), 0)
        if self.comments_seen != self.comments_found:
            raise Fallback  # a comment inside an expression or a block's header
        self._resolve_deferred()
        return result

    def _statements(self) -> Iterator[Node | PlainBlock]:
        """The top-level statements: the blocks hcl_lines reads from their lines, and those of the pieces of text
        between them (see PIECE_BYTES), each piece parsed when what comes before it has been read."""
        data, piece, start = self.data, 0, 0
        while start < len(data):
            found = data.find(_PIECE_END, start)
            end = len(data) if found < 0 else found + len(_PIECE_END)
            block = plain_block(data, start, end) if READS_PLAIN_BLOCKS and found >= 0 else None
            if block is not None:
                yield from self._piece(piece, start)
                yield block
                piece = end
            elif end - piece >= PIECE_BYTES or end == len(data):
                yield from self._piece(piece, end)
                piece = end
            start = end

    def _piece(self, start: int, end: int) -> Iterator[Node]:
        """The statements of data[start:end], parsed alone; a broken piece raises _BrokenPiece."""
        if start == 0 and end == len(self.data):
            yield from self._piece_statements(self.whole_root(), start, end)
            return
        if start == end:
            return
        self.row = self.row + self.data.count(b"\n", self.row_start, start)
        self.row_start = start
        end_row = self.row + self.data.count(b"\n", start, end)
        parser = _piece_parser()
        parser.included_ranges = [Range((self.row, 0), (end_row, 0), start, end)]
        root = parser.parse(self.data).root_node
        if root.has_error:
            raise _BrokenPiece
        yield from self._piece_statements(root, start, end)

    def _piece_statements(self, root: Node, start: int, end: int) -> Iterator[Node]:
        """The top-level attributes and blocks of a piece's tree, counting the piece's comments."""
        if root.has_error:
            raise Fallback  # python-hcl2 gives the error, in its words
        children = [child for child in root.children if child.type != "comment"]
        if children and (len(children) != 1 or children[0].type != "body"):
            raise Fallback  # a JSON-like object at the top
        self.comments_found += self._comments(root, start, end)
        yield from children[0].children if children else []

    def _comments(self, root: Node, start: int, end: int) -> int:
        """How many comments the tree has between `start` and `end`. Each starts with `#`, `//` or `/*`: asking the
        tree what stands at each of those (a few thousand in 5 MB) is five times faster than its comments query,
        which walks every node; the query counts them where those characters are so many that asking would be
        slower."""
        starts = [found.start() for found in _COMMENT_START.finditer(self.data, start, end)]
        if len(starts) > 1000 + (end - start) // 400:
            return len(QueryCursor(_parser()[1]).captures(root).get("comment", []))
        count, after = 0, -1
        for position in starts:
            if position < after:
                continue  # inside the comment just counted (`# a // b`)
            node = root.descendant_for_byte_range(position, position + 1)
            if node is not None and node.type == "comment" and node.start_byte == position:
                count, after = count + 1, node.end_byte
        return count

    def _body(self, items: Iterable[Node | PlainBlock], start: int, end: int, depth: int) -> dict[str, Any]:
        """A body's attributes and blocks, as python-hcl2's BodyRule.serialize gives them."""
        if depth > MAX_DEPTH:
            raise Fallback
        result: dict[str, Any] = {}
        attributes: set[str] = set()
        comments: list[dict[str, str]] = []
        position = start
        statements = (item for item in items if item.type != "comment")
        for index, item in enumerate(statements):
            self._gap(position, item.start_byte, comments, needs_line_break=index > 0)
            if isinstance(item, PlainBlock):
                if item.name in attributes:
                    raise Fallback
                result.setdefault(item.name, []).append(item.value)
                self.calls.update(item.calls)
            elif item.type == "attribute":
                attributes.add(self._attribute(item, result, depth))
            elif item.type == "block":
                name = self._name(item.children[0])
                if name in attributes:
                    raise Fallback
                result.setdefault(name, []).append(self._block(item, depth))
            else:
                raise Fallback
            position = item.end_byte
        self._gap(position, end, comments, needs_line_break=False)
        if comments:
            result["__comments__"] = comments
        return result

    def _attribute(self, attribute: Node, result: dict[str, Any], depth: int) -> str:
        """Puts the attribute's value in `result` (now, or once python-hcl2 has read it); its name."""
        simple = self._simple_attribute(attribute)
        children = attribute.children if simple is None else []
        name = self._name(children[0]) if simple is None else simple[0]
        if name in result:
            raise Fallback  # python-hcl2 keeps the last value, or refuses a block's name
        if simple is not None:
            result[name] = simple[1]
            return name
        result[name] = None
        self._no_line_break(children[0].end_byte, children[2].start_byte)
        self._value(children[2], result, name, depth)
        return name

    def _gap(self, start: int, end: int, comments: list[dict[str, str]], needs_line_break: bool) -> None:
        """The line breaks and comments between two statements, tokenised as python-hcl2's lexer does, and the
        comments python-hcl2's NewLineOrCommentRule.to_list makes of them."""
        gap = self.data[start:end]
        if not gap.strip(b" \t\r\n"):  # no comment: only whether the statements are on lines of their own
            if needs_line_break and b"\n" not in gap:
                raise Fallback
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
                raise Fallback  # something that is neither space nor comment (a `;`, an unclosed comment)
            tokens.append(token.group())
            self.comments_seen += token.group()[:1] != b"\n"
            position = token.end()
        if needs_line_break and not any(b"\n" in token for token in tokens):
            raise Fallback  # two statements on one line: left to python-hcl2's grammar
        if tokens:
            found = NewLineOrCommentRule.from_string(b"".join(tokens).decode("utf-8")).to_list()
            comments.extend(found or [])

    def _block(self, block: Node, depth: int) -> dict[str, Any]:
        children = [child for child in block.children if child.type != "comment"]
        kinds = [child.type for child in children]
        if "block_start" not in kinds or kinds[-1] != "block_end":
            raise Fallback
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
        raise Fallback

    def _name(self, identifier: Node) -> str:
        text = self.data[identifier.start_byte : identifier.end_byte]
        if identifier.type != "identifier" or not NAME.fullmatch(text) or text in LITERALS:
            raise Fallback
        return text.decode("ascii")

    def _value(self, expression: Node, into: dict[str, Any] | list[Any], key: Any, depth: int) -> None:
        """Puts the expression's value at into[key], now or once python-hcl2 has read it."""
        if depth > MAX_DEPTH:
            raise Fallback
        simple = self._simple(expression)
        value = self._expression(expression, depth) if simple is None else simple[1]
        if value is DEFER:
            self.deferred.setdefault(self.data[expression.start_byte : expression.end_byte], []).append(
                (into, key)
            )
            value = None
        if isinstance(into, dict):
            into[key] = value
        else:
            into.append(value)

    def _expression(self, expression: Node, depth: int) -> Any:
        """The value of an expression _simple does not read, or DEFER."""
        children = expression.children
        first = children[0]
        if len(children) > 1:
            if first.type == "variable_expr" and all(child.type in TRAVERSAL_STEPS for child in children[1:]):
                return self._traversal(children, depth)
            return DEFER
        if first.type == "literal_value":
            return self._literal(first.children[0])
        if first.type == "collection_value":
            return self._collection(first.children[0], depth + 1)
        if first.type == "template_expr":
            return self._template(first.children[0], depth)
        if first.type == "variable_expr":
            return self._plain_name(first.children[0])  # a name alone is written bare (`type = string`)
        if first.type in ("function_call", "conditional"):
            inline = self._inline(expression, depth)  # `${name(...)}`, `${c ? a : b}`
            return DEFER if inline is None else inline[1]
        return DEFER

    def _collection(self, collection: Node, depth: int) -> Any:
        if collection.type == "tuple":
            items: list[Any] = []
            for child in collection.children:
                if child.type == "expression":
                    self._value(child, items, len(items), depth)
                elif child.type == "comment":
                    raise Fallback
            return items
        entries: dict[str, Any] = {}
        elements = [child for child in collection.children if child.type == "object_elem"]
        keys = [self._key(element.children[0]) for element in elements]
        if None in keys or len(set(keys)) != len(keys):
            return DEFER  # a computed key, or one given twice (the last one counts)
        for element, key in zip(elements, keys, strict=True):
            self._no_line_break(element.children[0].end_byte, element.children[2].start_byte)
            self._value(element.children[2], entries, key, depth)
        return entries

    def _resolve_deferred(self) -> None:
        """Reads every expression left to python-hcl2 in one document, each as the only item of a list (where
        line breaks inside it read as they did where it stood)."""
        if not self.deferred:
            return
        texts = list(self.deferred)
        document = "".join(f"v{index} = [\n{text.decode('utf-8')}\n]\n" for index, text in enumerate(texts))
        if len(document) > PYTHON_HCL2_BYTES:
            raise Fallback
        try:
            values = hcl2.loads(document)
        except Exception:
            raise Fallback from None  # python-hcl2 refuses one of them: the whole text gives its error
        for index, text in enumerate(texts):
            value = values.get(f"v{index}")
            if not isinstance(value, list) or len(value) != 1:
                raise Fallback
            for into, key in self.deferred[text]:
                into[key] = copy.deepcopy(value[0])
        if "__comments__" in values or "__inline_comments__" in values:
            raise Fallback
