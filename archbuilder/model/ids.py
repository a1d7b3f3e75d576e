"""Stable, readable node and connection ids derived from labels."""

from __future__ import annotations

import re
from collections.abc import Container

ID_PATTERN = r"^[a-z][a-z0-9-]{0,62}$"
# fullmatch: with re, `$` also matches before a final newline.
_ID_RE = re.compile(r"[a-z][a-z0-9-]{0,62}")
_NON_ID = re.compile(r"[^a-z0-9]+")


def is_valid_id(value: str) -> bool:
    return _ID_RE.fullmatch(value) is not None


def slugify(text: str, fallback: str = "node") -> str:
    """`Web ALB (prod)` -> `web-alb-prod`; never empty, always starts with a letter."""
    slug = _NON_ID.sub("-", text.lower()).strip("-")[:48].strip("-")
    if not slug or not slug[0].isalpha():
        slug = f"{fallback}-{slug}".strip("-") if slug else fallback
    return slug


def unique_id(base: str, taken: Container[str]) -> str:
    """`base`, or `base-2`, `base-3`, ... whichever is free first."""
    candidate = slugify(base)
    if candidate not in taken:
        return candidate
    number = 2
    while f"{candidate}-{number}" in taken:
        number += 1
    return f"{candidate}-{number}"
