"""LIM-052 (Glue crawler with nothing to crawl): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.lim_crawler_without_target import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _crawlers(connected: bool) -> Build:
    return with_(
        svc("s3_bucket", "region", "lake"),
        svc("glue_crawler", "region", "raw", s3_targets=["s3://example-lake/raw/"]),
        svc("glue_crawler", "region", "curated"),
        *([connect("curated", "lake", ConnectionKind.READ)] if connected else []),
    )


CASE = Case(
    ok=_crawlers(connected=True),
    bad=_crawlers(connected=False),
    expected=[(("curated",), "“Curated” has no target: no S3 path and no data source is connected to it")],
)


def test_lim_crawler_without_target() -> None:
    check_case(RULE, CASE)
