"""The README states how many rules there are per pillar; it must say what the registry holds."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from archbuilder.validation.registry import all_rules

README = Path(__file__).resolve().parents[2] / "README.md"


def test_the_readme_rule_counts_match_the_registry() -> None:
    text = " ".join(README.read_text(encoding="utf-8").split())
    match = re.search(r"(\d+) rules cover the six Well-Architected pillars \(([^)]*)\)", text)
    assert match is not None
    stated = {name.strip(): int(n) for name, n in re.findall(r"([a-z ]+?) (\d+)[,;]", match.group(2) + ";")}
    counted = Counter(rule.pillar.value.replace("_", " ") for rule in all_rules())
    assert (int(match.group(1)), stated) == (len(all_rules()), dict(counted))
