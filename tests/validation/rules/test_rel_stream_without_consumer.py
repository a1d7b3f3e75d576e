"""REL-080 (Stream without a consumer): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.rel_stream_without_consumer import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _stream(consumed: bool) -> Build:
    return with_(
        svc("api_gateway_rest", "region", "collector"),
        svc("lambda_function", "region", "ingest"),
        svc("kinesis_stream", "region", "clicks"),
        svc("lambda_function", "region", "aggregate"),
        connect("collector", "ingest", ConnectionKind.INVOKE),
        connect("ingest", "clicks", ConnectionKind.WRITE),
        *([connect("clicks", "aggregate", ConnectionKind.POLL)] if consumed else []),
    )


CASE = Case(
    ok=_stream(consumed=True),
    bad=_stream(consumed=False),
    expected=[(("clicks",), "“Clicks” receives records but nothing reads them before they expire")],
)


def test_rel_stream_without_consumer() -> None:
    check_case(RULE, CASE)
