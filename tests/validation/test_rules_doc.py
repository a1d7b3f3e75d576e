"""docs/rules.md and the README's rule counts are generated from the rules' metadata and must match it."""

from __future__ import annotations

from pathlib import Path

from archbuilder.validation.registry import all_rules
from archbuilder.validation.rules_doc import counts_sentence, render_markdown

ROOT = Path(__file__).resolve().parents[2]


def test_docs_rules_md_is_generated_from_the_rules() -> None:
    written = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert written == render_markdown(all_rules()), (
        "docs/rules.md is stale: run scripts/generate_rules_doc.py"
    )


def test_the_readme_states_the_generated_counts() -> None:
    text = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert counts_sentence(all_rules()) in text, (
        "README rule counts are stale: run scripts/generate_rules_doc.py"
    )


def test_the_document_lists_every_rule_once_with_its_practice_and_guide() -> None:
    text = render_markdown(all_rules())
    for rule in all_rules():
        assert text.count(f"| {rule.id} |") == 1, rule.id
    assert (
        "| REL-060 | warning | medium | Aurora cluster without a replica to fail over to | `aurora_cluster` | "
        "REL11-BP02 Fail over to healthy resources | Solutions Architect – Associate notes (2024) › Amazon Aurora | "
        "2026-12-06 |"
    ) in text
    assert ("| PERF-014 | info | high | EFS in Max I/O mode for a few clients | `efs_file_system` | ") in text
    assert ("| Effort | Rules |\n| --- | --- |\n| low | 156 |\n| medium | 125 |\n| high | 45 |\n") in text
    assert (
        "- **low**: a setting or policy change on what exists, applied in place without downtime\n"
    ) in text
