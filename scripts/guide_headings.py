"""Writes the headings of a guide's public Markdown source, with their GitHub anchors, for resources/guides/.

Usage: python scripts/guide_headings.py KEY SOURCE_URL RETRIEVED README.md >> headings (merged by hand into
resources/guides/headings.json). The anchors follow GitHub's rule: lower case, punctuation dropped, spaces to
hyphens, a repeated heading numbered -1, -2 ...
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")


def github_anchor(heading: str, seen: dict[str, int]) -> str:
    slug = re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")
    count = seen.get(slug, 0)
    seen[slug] = count + 1
    return slug if count == 0 else f"{slug}-{count}"


def headings(markdown: str) -> dict[str, str]:
    """Each heading's text (Markdown escapes removed) and the anchor of its first occurrence."""
    seen: dict[str, int] = {}
    anchors: dict[str, str] = {}
    in_code = False
    for line in markdown.splitlines():
        if line.startswith("```"):
            in_code = not in_code
        match = None if in_code else HEADING.match(line)
        if match:
            text = re.sub(r"\\(.)", r"\1", match.group(1))
            anchors.setdefault(text, github_anchor(text, seen))
    return anchors


if __name__ == "__main__":
    key, url, retrieved, path = sys.argv[1:5]
    entry = {
        "source": url,
        "retrieved": retrieved,
        "anchors": headings(Path(path).read_text(encoding="utf-8")),
    }
    print(json.dumps({key: entry}, indent=2, ensure_ascii=False))
