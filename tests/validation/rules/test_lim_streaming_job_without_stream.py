"""LIM-053 (Streaming ETL job without a stream): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.lim_streaming_job_without_stream import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _jobs(fed: bool) -> Build:
    return with_(
        svc("kinesis_stream", "region", "clicks"),
        svc("glue_job", "region", "enrich", job_type="gluestreaming"),
        svc("glue_job", "region", "nightly", job_type="glueetl"),
        *([connect("enrich", "clicks", ConnectionKind.READ)] if fed else []),
    )


CASE = Case(
    ok=_jobs(fed=True),
    bad=_jobs(fed=False),
    expected=[(("enrich",), "“Enrich” is a streaming job but no Kinesis stream or Kafka cluster feeds it")],
)


def test_lim_streaming_job_without_stream() -> None:
    check_case(RULE, CASE)
