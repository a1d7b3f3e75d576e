"""What people read of a rule's source: the guide's title and section, and a link to the heading it cites."""

from __future__ import annotations

from archbuilder.catalog.guides import seed_file
from archbuilder.validation.registry import all_rules


def test_every_rule_cites_a_guide_by_title() -> None:
    assert [r.id for r in all_rules() if ".txt" in r.source.title or " › " not in r.source.title] == []


def test_every_rule_citing_the_open_guide_links_to_the_heading() -> None:
    """The Open Guide's sections are headings of its public README (pinned to the seed's version): a citation
    of anything else is a typo in the section."""
    assert [
        f"{r.id}: {r.source.section}"
        for r in all_rules()
        if r.source.seed == seed_file("000") and "#" not in (r.source.url or "")
    ] == []
