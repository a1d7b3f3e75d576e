"""The guides table: every seed has a title, citations read as "Guide › Section" and link to the public source."""

from __future__ import annotations

import json

import pytest

from archbuilder.catalog import Citation, default_catalog
from archbuilder.catalog.guides import GUIDES, SEED_FILES, guide, seed_file
from archbuilder.resource_files import resource_root
from archbuilder.validation.rule import cite
from tests.seeds import SEEDS_DIR

OG_AWS = "https://github.com/open-guides/og-aws/blob/8ec2310ea096b1606ac000df35f037fc581a49cf/README.md"
DVA = (
    "https://github.com/samuelbalogh/aws-cert-dva-c01/blob/22f97297f51253691f5f6a2b337cc03bb74d3577/README.md"
)
DEVOPS = "https://github.com/WallyS02/AWS-DevOps-Essentials/blob/3406fd56195e1b8419f9af0bc7f0a680a2ee8abe/README.md"


@pytest.mark.skipif(
    not SEEDS_DIR.is_dir(), reason="the guides folder ../shared/seeds is not beside the project"
)
def test_the_table_lists_every_seed_file_once() -> None:
    assert sorted(SEED_FILES) == sorted(p.name for p in SEEDS_DIR.glob("*.txt"))
    assert [g.key for g in GUIDES] == ["000", "001", "002", "003", "004"]


def test_a_citation_reads_as_guide_and_section_with_a_link_to_the_heading() -> None:
    s3 = cite("000", "S3 Gotchas and Limitations")
    assert s3 == Citation(seed="000_cef87d4914f142cd.txt", section="S3 Gotchas and Limitations")
    assert (s3.title, str(s3)) == ("The Open Guide to AWS › S3 Gotchas and Limitations",) * 2
    assert s3.url == f"{OG_AWS}#s3-gotchas-and-limitations"
    assert s3.to_json() == {
        "seed": "000_cef87d4914f142cd.txt",
        "section": "S3 Gotchas and Limitations",
        "title": "The Open Guide to AWS › S3 Gotchas and Limitations",
        "url": f"{OG_AWS}#s3-gotchas-and-limitations",
    }
    # GitHub's anchors drop punctuation and keep the hyphens of the spaces around it.
    assert cite("004", "Deployment monitorin & automatic rollback").url == (
        f"{DVA}#deployment-monitorin--automatic-rollback"
    )
    assert cite("004", "Does DNS Failover support Elastic Load Balancers (ELBs) as endpoints?").url == (
        f"{DVA}#does-dns-failover-support-elastic-load-balancers-elbs-as-endpoints"
    )


def test_sections_that_are_not_headings_of_the_public_source_link_to_the_document() -> None:
    # A bold paragraph title in the braindump, not a heading: no anchor to point at.
    assert cite("004", "Retention Period").url == DVA
    # Seed 003 is notes without headings: its citations quote the start of a line.
    nat = cite("003", "- Minimize Costs - use NAT Gateways only when")
    assert (nat.title, nat.url) == (
        "AWS DevOps Essentials › “Minimize Costs - use NAT Gateways only when…”",
        DEVOPS,
    )
    whole = cite("003", "For RDS encrypt databases during their creation.")
    assert whole.title == "AWS DevOps Essentials › “For RDS encrypt databases during their creation.”"


def test_guides_without_a_known_public_source_have_a_title_and_no_link() -> None:
    primer = cite("001", "Upgrades and Maintenance Windows_")
    assert (primer.title, primer.url) == (
        "re:Invent 2012 recap and CloudFormation primer › Upgrades and Maintenance Windows",
        None,
    )
    assert cite("002", "NAT Gateways").title == "Solutions Architect – Associate notes (2024) › NAT Gateways"
    assert guide("002_2329e123f005b6f3.txt") is guide("002")
    assert seed_file("004") == "004_495d6206c345c50f.txt" and seed_file("unknown.txt") == "unknown.txt"


def test_the_recorded_headings_name_their_pinned_source() -> None:
    data = json.loads((resource_root() / "guides" / "headings.json").read_text(encoding="utf-8"))
    assert {key: entry["source"] for key, entry in data.items()} == {"000": OG_AWS, "004": DVA}
    assert {key: len(entry["anchors"]) for key, entry in data.items()} == {"000": 145, "004": 193}
    assert guide("000").url == OG_AWS and guide("004").url == DVA


def test_every_catalog_citation_of_the_open_guide_links_to_its_heading() -> None:
    """The seed's headings are the pinned README's headings, so each cited section has an anchor there."""
    catalog = default_catalog()
    sources = [s.lockin.source for s in catalog] + [t.source for s in catalog for t in s.tips]
    sources += [p.limit_source for s in catalog for p in s.properties if p.limit_source]
    unlinked = sorted({c.section for c in sources if c.seed == seed_file("000") and "#" not in (c.url or "")})
    assert unlinked == []
    assert all(".txt" not in c.title for c in sources)
