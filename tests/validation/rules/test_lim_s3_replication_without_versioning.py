"""LIM-018 (S3 replication without versioning): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.lim_s3_replication_without_versioning import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _replicate(target_versioning: bool) -> Build:
    return with_(
        svc("s3_bucket", "region", "assets", versioning=True),
        svc("s3_bucket", "region", "copy", versioning=target_versioning),
        connect("assets", "copy", ConnectionKind.REPLICATE),
    )


CASE = Case(
    ok=_replicate(True),
    bad=_replicate(False),
    expected=[(("assets", "copy"), "“Assets” replicates to “Copy” but “Copy” has versioning off")],
)


def test_lim_s3_replication_without_versioning() -> None:
    check_case(RULE, CASE)
