"""Writes docs/rules.md and the README's rule counts from the rules' metadata (run after adding or changing a rule)."""

from __future__ import annotations

from pathlib import Path

from archbuilder.validation.registry import all_rules
from archbuilder.validation.rules_doc import render_markdown, with_counts

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    rules = all_rules()
    (ROOT / "docs" / "rules.md").write_text(render_markdown(rules), encoding="utf-8")
    readme = ROOT / "README.md"
    readme.write_text(with_counts(readme.read_text(encoding="utf-8"), rules), encoding="utf-8")


if __name__ == "__main__":
    main()
