"""SUS-014 (Firehose delivers uncompressed data): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.sus_firehose_uncompressed import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("firehose_stream", "region", "events", destination="s3", compression="GZIP")),
    bad=with_(svc("firehose_stream", "region", "events", destination="s3", compression="UNCOMPRESSED")),
    expected=[(("events",), "“Events” writes uncompressed data to S3")],
)


def test_sus_firehose_uncompressed() -> None:
    check_case(RULE, CASE)
