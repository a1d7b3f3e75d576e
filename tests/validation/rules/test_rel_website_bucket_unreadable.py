"""REL-084 (Website bucket that nobody can read): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.rel_website_bucket_unreadable import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _site(distributed: bool) -> Build:
    return with_(
        svc("s3_bucket", "region", "site", website=True, public_access=False),
        svc("cloudfront_distribution", None, "cdn"),
        *([connect("cdn", "site", ConnectionKind.ORIGIN)] if distributed else []),
    )


CASE = Case(
    ok=_site(True),
    bad=_site(False),
    expected=[(("site",), "“Site” hosts a website but neither the public nor a distribution can read it")],
)


def test_rel_website_bucket_unreadable() -> None:
    check_case(RULE, CASE)
