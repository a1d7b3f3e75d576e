"""SUS-017 (Firehose writing tiny objects): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.sus_firehose_tiny_objects import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("firehose_stream", "region", "archive", buffer_interval_seconds=300, buffer_size_mb=64)),
    bad=with_(svc("firehose_stream", "region", "archive", buffer_interval_seconds=10, buffer_size_mb=1)),
    expected=[(("archive",), "“Archive” flushes to S3 every 10 s in objects of at most 1 MB")],
)


def test_sus_firehose_tiny_objects() -> None:
    check_case(RULE, CASE)
