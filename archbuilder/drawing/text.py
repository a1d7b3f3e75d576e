"""Text sizes without a font engine, and labels broken into lines at word boundaries.

Widths are estimated by kind of character from DejaVu Sans, the font fontconfig gives graphviz for
Helvetica on Debian; it is wider than Helvetica (draw.io's font), so a label measured here has room in both."""

from __future__ import annotations

import re

# Advance widths in em by kind of character (DejaVu Sans, rounded up).
_NARROW = set("iljtfI.,;:!|'`()[] ")
_WIDE = set("mwMW@%")
LINE_SPACING = 1.25  # line height in em

# A long word breaks before an upper-case letter that follows a lower-case one, or after - _ . /
_WORD_PARTS = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])|[^A-Za-z0-9]")


def text_width(text: str, size: float) -> float:
    em = 0.0
    for char in text:
        if char in _NARROW:
            em += 0.35
        elif char in _WIDE:
            em += 0.94
        elif char.isupper():
            em += 0.69
        elif char.isdigit():
            em += 0.64
        else:
            em += 0.6
    return em * size


def line_height(size: float) -> float:
    return size * LINE_SPACING


def _pieces(word: str, size: float, width: float) -> list[str]:
    """A word too long for a line, cut at its inner word boundaries (camel case, - _ . /), never mid-part
    unless one part alone is longer than the line."""
    parts = _WORD_PARTS.findall(word) or [word]
    pieces: list[str] = []
    current = ""
    for part in parts:
        if current and text_width(current + part, size) > width:
            pieces.append(current)
            current = ""
        current += part
        while text_width(current, size) > width and len(current) > 1:
            cut = len(current)
            while cut > 1 and text_width(current[:cut], size) > width:
                cut -= 1
            pieces.append(current[:cut])
            current = current[cut:]
    if current:
        pieces.append(current)
    return pieces


def wrap(text: str, size: float, width: float, max_lines: int = 3) -> list[str]:
    """`text` in lines no wider than `width`, broken between words (a long word at its inner boundaries, its
    parts joined again where they share a line); past `max_lines` the last line ends with an ellipsis."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        pieces = _pieces(word, size, width) if text_width(word, size) > width else [word]
        for index, piece in enumerate(pieces):
            glue = "" if index > 0 else " "
            candidate = f"{current}{glue}{piece}" if current else piece
            if current and text_width(candidate, size) > width:
                lines.append(current)
                current = piece
            else:
                current = candidate
    if current or not lines:
        lines.append(current)
    if len(lines) > max_lines:
        last = lines[max_lines - 1]
        while last and text_width(last + "…", size) > width:
            last = last[:-1]
        lines = [*lines[: max_lines - 1], last.rstrip() + "…"]
    return lines
