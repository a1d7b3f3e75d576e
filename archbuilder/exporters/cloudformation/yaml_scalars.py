"""How libyaml writes one string in block YAML (PyYAML's CSafeDumper with allow_unicode, width 120, indent 2):
the style it chooses (plain, single-quoted, double-quoted, literal) and the text it writes, folding long lines.

A port of `yaml_emitter_analyze_scalar`, `yaml_emitter_select_scalar_style` and the `write_*_scalar` functions
of libyaml 0.2.5 (src/emitter.c) for the block context the template writer needs (yaml_emitter.py). Columns
count characters, as libyaml's do; lengths for the simple-key limit count UTF-8 bytes, as libyaml's do.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import yaml
import yaml.resolver

WIDTH = 120  # the emitter's best_width: a space past this column becomes a line break
INDENT = 2  # best_indent
PLAIN, SINGLE, DOUBLE, LITERAL = "plain", "single", "double", "literal"

_BREAKS = frozenset("\r\n\x85\u2028\u2029")
_BLANKZ = frozenset(" \t\0") | _BREAKS
_START_INDICATORS = frozenset("#,[]{}&*!|>'\"%@`")
# Strings libyaml writes plain in block context without looking further: printable ASCII in runs split by
# single spaces, starting with no indicator, holding no ': ' or ' #' and not ending in ':' (checked apart).
_QUICK_PLAIN = re.compile(r"(?![#,\[\]{}&*!|>'\"%@`?:.\-])[\x21-\x7e]+(?: [\x21-\x7e]+)*")
_BREAK = re.compile("[\r\n\x85\u2028\u2029]")
_BREAK_SPACE = re.compile("[\r\n\x85\u2028\u2029] ")
_SPACE_BREAK = re.compile(" [\r\n\x85\u2028\u2029]")
# Not IS_PRINTABLE: controls but the line feed, DEL to U+009F, surrogates, U+FEFF, U+FFFE, U+FFFF, beyond the BMP.
_SPECIAL = re.compile("[^\n\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# After the first character: a colon before a blank, a line break or the end; a hash after one.
_INNER_INDICATOR = re.compile(
    "(?<=.):(?=[ \t\0\r\n\x85\u2028\u2029]|\\Z)|(?<=[ \t\0\r\n\x85\u2028\u2029])#", re.S
)
_STR_TAG = "tag:yaml.org,2002:str"
_RESOLVER = yaml.resolver.Resolver()
_ESCAPES = {
    "\0": "0", "\x07": "a", "\x08": "b", "\t": "t", "\n": "n", "\x0b": "v", "\x0c": "f", "\r": "r",
    "\x1b": "e", '"': '"', "\\": "\\", "\x85": "N", "\xa0": "_", "\u2028": "L", "\u2029": "P",
}  # fmt: skip


class Unsupported(Exception):
    """A value the fast writer does not cover; PyYAML writes the template instead."""


class Analysis(NamedTuple):
    multiline: bool
    block_plain: bool
    single_quoted: bool
    block: bool


def analyse(value: str) -> Analysis:
    """`yaml_emitter_analyze_scalar`, without the flow indicators (every scalar here is in block context)."""
    if not value:
        return Analysis(False, True, True, False)
    if _QUICK_PLAIN.fullmatch(value) and ": " not in value and " #" not in value and value[-1] != ":":
        return Analysis(False, True, True, True)
    if _SURROGATE.search(value):
        raise Unsupported("a lone surrogate, which UTF-8 cannot encode")
    first, last = value[0], value[-1]
    indicators = (
        value.startswith(("---", "..."))
        or first in _START_INDICATORS
        or (first in "?:-" and (len(value) == 1 or value[1] in _BLANKZ))
        or _INNER_INDICATOR.search(value) is not None
    )
    breaks = _BREAK.search(value) is not None
    # A space or line break first or last rules out plain text; a space last also rules out a block.
    ends_badly = first == " " or first in _BREAKS or last == " " or last in _BREAKS
    space_break = breaks and _SPACE_BREAK.search(value) is not None
    writable = not space_break and _SPECIAL.search(value) is None  # without escapes
    quotable = writable and not (breaks and _BREAK_SPACE.search(value))
    block_plain = quotable and not (ends_badly or breaks or indicators)
    return Analysis(breaks, block_plain, quotable, writable and last != " ")


def resolves_to_text(value: str) -> bool:
    """Whether a plain scalar of `value` reads back as a string (not a number, boolean, null, date …)."""
    return _RESOLVER.resolve(yaml.ScalarNode, value, (True, False)) == _STR_TAG


def style(value: str, analysis: Analysis, *, tagged: bool, key: bool) -> str:
    """`yaml_emitter_select_scalar_style` for the styles the template dumper asks for: a literal block for
    text with a line feed, quotes for an empty tagged argument, plain otherwise."""
    chosen = LITERAL if "\n" in value else SINGLE if tagged and not value else PLAIN
    if key and analysis.multiline:
        chosen = DOUBLE
    if chosen == PLAIN and (
        not analysis.block_plain or (key and not value) or (not tagged and not resolves_to_text(value))
    ):
        chosen = SINGLE
    if chosen == SINGLE and not analysis.single_quoted:
        chosen = DOUBLE
    if chosen == LITERAL and (not analysis.block or key):
        chosen = DOUBLE
    return chosen


def write(value: str, chosen: str, column: int, indent: int, *, key: bool) -> str:
    """The text libyaml writes for `value` in style `chosen`, starting at `column` after an indicator (a space
    first, except for a key, which starts a line); `indent` is where folded and block lines start."""
    lead = "" if key else " "
    # Short enough that no space is past the width: nothing folds.
    if chosen == PLAIN and column + len(value) < WIDTH:
        return lead + value
    if chosen == SINGLE and column + len(value) + value.count("'") + 2 < WIDTH and not _BREAK.search(value):
        return lead + "'" + value.replace("'", "''") + "'"
    if chosen == PLAIN:
        return _plain(value, column, indent, not key)
    if chosen == SINGLE:
        return _single(value, column, indent, not key)
    if chosen == DOUBLE:
        return _double(value, column, indent, not key)
    return _literal(value, indent)


def _indent_from(column: int, indent: int, indention: bool, whitespace: bool) -> tuple[str, int]:
    """`yaml_emitter_write_indent`: the text that moves from `column` to the start of a line at `indent`."""
    if not indention or column > indent or (column == indent and not whitespace):
        return "\n" + " " * indent, indent
    return " " * (indent - column), indent


def _plain(value: str, column: int, indent: int, allow_breaks: bool) -> str:
    parts = [" "] if allow_breaks else []  # a value follows an indicator; a key starts its line
    column += len(parts)
    spaces = False
    for index, char in enumerate(value):
        if char == " ":
            nxt = value[index + 1 : index + 2]
            if allow_breaks and not spaces and column > WIDTH and nxt != " ":
                text, column = _indent_from(column, indent, False, False)
                parts.append(text)
            else:
                parts.append(" ")
                column += 1
            spaces = True
        else:
            parts.append(char)
            column += 1
            spaces = False
    return "".join(parts)


def _single(value: str, column: int, indent: int, allow_breaks: bool) -> str:
    parts = [" '" if allow_breaks else "'"]
    column += len(parts[0])
    spaces = breaks = False
    last = len(value) - 1
    for index, char in enumerate(value):
        if char == " ":
            fold = allow_breaks and not spaces and column > WIDTH and 0 < index < last
            if fold and value[index + 1] != " ":
                text, column = _indent_from(column, indent, False, False)
                parts.append(text)
            else:
                parts.append(" ")
                column += 1
            spaces = True
        elif char in _BREAKS:
            parts.append("\n\n" if not breaks and char == "\n" else char)
            column = 0
            breaks = True
        else:
            if breaks:
                text, column = _indent_from(column, indent, True, True)
                parts.append(text)
            parts.append("''" if char == "'" else char)
            column += 2 if char == "'" else 1
            spaces = breaks = False
    if breaks:
        parts.append(_indent_from(column, indent, True, True)[0])
    parts.append("'")
    return "".join(parts)


def _escape(char: str) -> str:
    if char in _ESCAPES:
        return "\\" + _ESCAPES[char]
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02X}"
    return f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}"


def _double(value: str, column: int, indent: int, allow_breaks: bool) -> str:
    parts = [' "' if allow_breaks else '"']
    column += len(parts[0])
    spaces = False
    last = len(value) - 1
    indention = False
    for index, char in enumerate(value):
        if char in _BREAKS or char in '"\\' or _SPECIAL.match(char):
            escaped = _escape(char)
            parts.append(escaped)
            column += len(escaped)
            spaces = False
        elif char == " ":
            if allow_breaks and not spaces and column > WIDTH and 0 < index < last:
                text, column = _indent_from(column, indent, indention, True)
                indention = True
                parts.append(text)
                if value[index + 1] == " ":
                    parts.append("\\")
                    column += 1
            else:
                parts.append(" ")
                column += 1
            spaces = True
        else:
            parts.append(char)
            column += 1
            spaces = False
    parts.append('"')
    return "".join(parts)


def literal_keeps_final_breaks(value: str) -> bool:
    """The chomping indicator is `+` (keep): libyaml then ends the stream with `...`."""
    return value[-1] in _BREAKS and (len(value) == 1 or value[-2] in _BREAKS)


def _literal(value: str, indent: int) -> str:
    parts = [" |"]
    if value[0] == " " or value[0] in _BREAKS:
        parts.append(str(INDENT))
    if value[-1] not in _BREAKS:
        parts.append("-")
    elif literal_keeps_final_breaks(value):
        parts.append("+")
    parts.append("\n")
    breaks = True
    pad = " " * indent
    for char in value:
        if char in _BREAKS:
            parts.append(char)
            breaks = True
        else:
            if breaks:
                parts.append(pad)
            parts.append(char)
            breaks = False
    return "".join(parts)


def ends_with_break(value: str) -> bool:
    return bool(value) and value[-1] in _BREAKS
