"""Checks citations against the guides in ../shared/seeds (beside the project, not shipped with it)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

SEEDS_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
# Seed 003 is plain notes without headings: a citation there names the start of the line it quotes.
HEADINGLESS_SEEDS = {"003_8d17c2da26524c9f.txt"}


@cache
def _lines(seed: str) -> tuple[str, ...]:
    text = (SEEDS_DIR / seed).read_text(encoding="utf-8")
    return tuple(line.strip().lstrip("#").strip().removesuffix(":").strip() for line in text.splitlines())


def section_exists(seed: str, section: str) -> bool:
    lines = _lines(seed)
    if seed in HEADINGLESS_SEEDS:
        return len(section) >= 20 and any(line.startswith(section) for line in lines)
    return section in lines
