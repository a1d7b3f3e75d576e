"""The guides archbuilder's knowledge comes from, in one table, and how a citation of one reads to people.

A citation names a seed file (the machine-readable key) and a section. People see the guide's title and the
section ("The Open Guide to AWS › S3 Gotchas and Limitations") and, where the guide is public, a link to it:
to the section's heading when the public source has that heading, else to the document. Public sources are
pinned to the version the seed file was taken from, so a link shows the text the rule was written from.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from archbuilder.resource_files import resource_root


@dataclass(frozen=True)
class Guide:
    key: str  # the short form rules use: cite("000", ...)
    seed: str  # the file in ../shared/seeds
    title: str
    # The public source, pinned to the commit the seed matches (checked line by line against the seed, 2026-03).
    url: str | None = None
    # Plain notes without headings: a citation quotes the start of a line rather than naming a heading.
    quotes_lines: bool = False


GUIDES: tuple[Guide, ...] = (
    Guide(
        "000",
        "000_cef87d4914f142cd.txt",
        "The Open Guide to AWS",
        # open-guides/og-aws at 8ec2310 (2016-12-13): its 145 headings are exactly the seed's.
        "https://github.com/open-guides/og-aws/blob/8ec2310ea096b1606ac000df35f037fc581a49cf/README.md",
    ),
    # A blog post from 2012 and study notes published on a blog; neither has a public address we could confirm.
    Guide("001", "001_ae344e3f9d83ded9.txt", "re:Invent 2012 recap and CloudFormation primer"),
    Guide("002", "002_2329e123f005b6f3.txt", "Solutions Architect – Associate notes (2024)"),
    Guide(
        "003",
        "003_8d17c2da26524c9f.txt",
        "AWS DevOps Essentials",
        # WallyS02/AWS-DevOps-Essentials at 3406fd5 (2025-05-31): 401 of the seed's 406 long lines verbatim.
        "https://github.com/WallyS02/AWS-DevOps-Essentials/blob/3406fd56195e1b8419f9af0bc7f0a680a2ee8abe/README.md",
        quotes_lines=True,
    ),
    Guide(
        "004",
        "004_495d6206c345c50f.txt",
        "AWS Developer – Associate braindump",
        # samuelbalogh/aws-cert-dva-c01 at 22f9729 (2019-10-16), the 1515-line README the seed was saved from.
        "https://github.com/samuelbalogh/aws-cert-dva-c01/blob/22f97297f51253691f5f6a2b337cc03bb74d3577/README.md",
    ),
)

SEED_FILES: tuple[str, ...] = tuple(guide.seed for guide in GUIDES)
_BY_NAME = {name: guide for guide in GUIDES for name in (guide.key, guide.seed)}


def guide(seed_or_key: str) -> Guide:
    """The guide of a seed file name or its three-digit key; KeyError for anything else."""
    return _BY_NAME[seed_or_key]


def seed_file(seed_or_key: str) -> str:
    """The seed file name for "000" or for the file name itself; unknown names are returned unchanged."""
    found = _BY_NAME.get(seed_or_key)
    return found.seed if found is not None else seed_or_key


@cache
def _anchors() -> dict[str, dict[str, str]]:
    """Per guide key, the public source's headings and their GitHub anchors (resources/guides/headings.json,
    written by scripts/guide_headings.py from the pinned README)."""
    data = json.loads((resource_root() / "guides" / "headings.json").read_text(encoding="utf-8"))
    return {key: entry["anchors"] for key, entry in data.items()}


def section_label(seed: str, section: str) -> str:
    """The section as people read it: a heading as written, a quoted line as a quotation."""
    found = _BY_NAME.get(seed)
    if found is not None and found.quotes_lines:
        quoted = section.lstrip("-• ").strip()
        # The start of a line: an ellipsis says the line goes on, unless the quotation is a whole sentence.
        return f"“{quoted}”" if quoted.endswith((".", "!", "?")) else f"“{quoted}…”"
    return section.rstrip("_*").strip()  # a heading saved with its Markdown emphasis marks


def citation_title(seed: str, section: str) -> str:
    """ "The Open Guide to AWS › S3 Gotchas and Limitations"."""
    found = _BY_NAME.get(seed)
    title = found.title if found is not None else seed
    return f"{title} › {section_label(seed, section)}"


def citation_url(seed: str, section: str) -> str | None:
    """The public source at the section's heading, the document when the heading is not one of its own, or None."""
    found = _BY_NAME.get(seed)
    if found is None or found.url is None:
        return None
    anchor = _anchors().get(found.key, {}).get(section)
    return f"{found.url}#{anchor}" if anchor else found.url
