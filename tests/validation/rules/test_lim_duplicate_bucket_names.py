"""LIM-040 (Two buckets with the same name): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.lim_duplicate_bucket_names import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_


def _buckets(second: str) -> Build:
    return with_(
        svc("s3_bucket", "region", "assets", bucket_name="acme-assets"),
        svc("s3_bucket", "region", "backup", bucket_name=second),
        svc("s3_bucket", "region", "scratch", bucket_name=""),
        svc("s3_bucket", "region", "temp", bucket_name=""),
    )


CASE = Case(
    ok=_buckets("acme-assets-backup"),
    bad=_buckets("acme-assets"),
    expected=[
        (
            ("assets", "backup"),
            "“Assets”, “Backup” are all named “acme-assets”; bucket names are unique across every AWS account and "
            "region",
        )
    ],
)


def test_lim_duplicate_bucket_names() -> None:
    check_case(RULE, CASE)
