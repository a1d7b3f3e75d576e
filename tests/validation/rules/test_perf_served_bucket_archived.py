"""PERF-018 (Served content archived to Glacier): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation import validate
from archbuilder.validation.rules.perf_served_bucket_archived import RULE
from tests.validation.builders import Case, both, check_case, connect, svc, with_

_CDN = both(svc("cloudfront_distribution", None, "cdn"), connect("cdn", "site", ConnectionKind.ORIGIN))

CASE = Case(
    ok=with_(svc("s3_bucket", "region", "site"), _CDN),
    bad=with_(svc("s3_bucket", "region", "site", lifecycle_to_glacier_days=90), _CDN),
    expected=[
        (
            ("site",),
            "“Site” is the origin of “Cdn” but moves objects to Glacier after 90 days, from where they cannot be "
            "served without a restore",
        )
    ],
)


def test_perf_served_bucket_archived() -> None:
    check_case(RULE, CASE)


def test_website_buckets_are_served_too() -> None:
    arch = with_(svc("s3_bucket", "region", "site", website=True, lifecycle_to_glacier_days=30))()
    assert [f.node_ids for f in validate(arch, [RULE]).findings] == [("site",)]


def test_archive_buckets_may_move_to_glacier() -> None:
    arch = with_(svc("s3_bucket", "region", "archive", lifecycle_to_glacier_days=30))()
    assert validate(arch, [RULE]).findings == []
