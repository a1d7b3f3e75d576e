"""Which characters user text may hold, so every writer (YAML, JSON, HCL, DOT, XML, HTML, a terminal) can
carry it as data.

A name (the design's, a node's or a connection's label) is one line of visible text: no control character,
no line or paragraph separator (YAML and JavaScript end lines there), no bidirectional override (it shows
text in another order than it is stored). Free text (a description, a property value, a reason) may have
tabs and line breaks, but no other control character: XML 1.0 cannot carry them at all, and ESC drives
terminals. No text may hold a lone surrogate, which has no UTF-8 form.
"""

from __future__ import annotations

import re
import sys
from typing import Any

_NAME_EXCLUDES = r"\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_TEXT_EXCLUDES = r"\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f"
_NOT_IN_NAMES = re.compile(f"[{_NAME_EXCLUDES}\ud800-\udfff]")
_NOT_IN_TEXT = re.compile(f"[{_TEXT_EXCLUDES}\ud800-\udfff]")
# The same rules for the committed JSON Schema (ECMA-262 patterns; a lone surrogate cannot reach JSON data).
NAME_SCHEMA = {"pattern": f"^[^{_NAME_EXCLUDES}]*$"}
TEXT_SCHEMA = {"pattern": f"^[^{_TEXT_EXCLUDES}]*$"}

_CHARACTER_NAMES = {
    "\t": "a tab",
    "\n": "a line break",
    "\r": "a carriage return",
    "\x85": "a line break (NEL)",
    "\u2028": "a line separator",
    "\u2029": "a paragraph separator",
    "\x00": "a NUL character",
    "\x1b": "an escape character",
}


def describe_character(char: str) -> str:
    code = f"U+{ord(char):04X}"
    if char in _CHARACTER_NAMES:
        return f"{_CHARACTER_NAMES[char]} ({code})"
    if "\ud800" <= char <= "\udfff":
        return f"a lone surrogate ({code})"
    if "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069":
        return f"a bidirectional control ({code})"
    return f"a control character ({code})"


def name_error(value: str) -> str | None:
    """Why `value` cannot be a name, or None."""
    bad = _NOT_IN_NAMES.search(value)
    if bad is None:
        return None
    return (
        f"has {describe_character(bad.group())} at character {bad.start() + 1}; "
        "a name is one line of visible text"
    )


def text_error(value: str) -> str | None:
    """Why `value` cannot be free text, or None."""
    bad = _NOT_IN_TEXT.search(value)
    if bad is None:
        return None
    return f"has {describe_character(bad.group())} at character {bad.start() + 1}"


def check_name(value: Any) -> Any:
    """A pydantic validator run before the type check (so a lone surrogate gets this message too): the value,
    or ValueError saying which character is wrong and where."""
    error = name_error(value) if isinstance(value, str) else None
    if error:
        raise ValueError(error)
    return value


def check_text(value: Any) -> Any:
    error = text_error(value) if isinstance(value, str) else None
    if error:
        raise ValueError(error)
    return value


def data_text_error(data: Any) -> str | None:
    """The first string (key or value) in JSON-like data that is not free text, as `place: why`, or None."""
    found = _first_bad(data)
    if found is None:
        return None
    place, why = found
    return f"{place}: {why}" if place else why


def _first_bad(data: Any) -> tuple[str, str] | None:
    if isinstance(data, str):
        error = text_error(data)
        return ("", error) if error else None
    if isinstance(data, dict):
        for key, item in data.items():
            error = text_error(key) if isinstance(key, str) else None
            if error:
                return "", f"key {key!r} {error}"
            found = _first_bad(item)
            if found:
                inner, why = found
                return f"{key} › {inner}" if inner and not inner.startswith("[") else f"{key}{inner}", why
    elif isinstance(data, list):
        for index, item in enumerate(data):
            found = _first_bad(item)
            if found:
                inner, why = found
                return f"[{index}]" + (f" › {inner}" if inner and not inner.startswith("[") else inner), why
    return None


def check_data_text(data: Any) -> Any:
    error = data_text_error(data)
    if error:
        raise ValueError(error)
    return data


def one_line(text: str) -> str:
    """`text` with every character a name may not hold written as its escape (\\n, \\u2028, ...): for writers
    that put text where a line break or control character would change the meaning (a comment, a DOT or
    XML label). The model refuses such names, so this only guards writers against a model built around it."""
    return _NOT_IN_NAMES.sub(
        lambda match: match.group().encode("unicode_escape", "backslashreplace").decode("ascii"), text
    )


_LONG_NUMBER = re.compile(r"\d{" + str(sys.get_int_max_str_digits() + 1) + ",}")


def long_number_place(text: str) -> str:
    """Where the first whole number too long to read is, and how long it is."""
    match = _LONG_NUMBER.search(text)
    if match is None:
        return "a number is too long to read"
    line = text.count("\n", 0, match.start()) + 1
    column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
    return (
        f"line {line} column {column}: a number of {len(match.group())} digits is too long "
        f"(at most {sys.get_int_max_str_digits()})"
    )
