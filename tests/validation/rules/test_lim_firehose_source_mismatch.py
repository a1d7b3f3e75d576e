"""LIM-072 (Firehose source does not match the design): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.lim_firehose_source_mismatch import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _delivery(source: str) -> Build:
    return with_(
        svc("kinesis_stream", "region", "clicks"),
        svc("firehose_stream", "region", "archive", source=source),
        svc("firehose_stream", "region", "metrics", source="kinesis_stream"),
        svc("kinesis_stream", "region", "readings"),
        connect("clicks", "archive", ConnectionKind.POLL),
        *([connect("readings", "metrics", ConnectionKind.POLL)] if source == "kinesis_stream" else []),
    )


CASE = Case(
    ok=_delivery("kinesis_stream"),
    bad=_delivery("direct_put"),
    expected=[
        (
            ("archive", "clicks"),
            "“Archive” takes direct PUTs but “Clicks” is drawn as its source; set its source to the stream",
        ),
        (("metrics",), "“Metrics” reads from a Kinesis stream, but none is connected to it"),
    ],
)


def test_lim_firehose_source_mismatch() -> None:
    check_case(RULE, CASE)
