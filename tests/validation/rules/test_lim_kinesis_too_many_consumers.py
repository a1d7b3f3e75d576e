"""LIM-009 (Too many consumers on a Kinesis stream): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.lim_kinesis_too_many_consumers import RULE
from tests.validation.builders import Build, Case, Step, check_case, connect, svc, with_


def _stream_with_consumers(count: int) -> Build:
    steps: list[Step] = [svc("kinesis_stream", "region", "clicks")]
    for index in range(count):
        steps += [
            svc("lambda_function", "region", f"fn{index}"),
            connect("clicks", f"fn{index}", ConnectionKind.POLL),
        ]
    return with_(*steps)


CASE = Case(
    ok=_stream_with_consumers(5),
    bad=_stream_with_consumers(6),
    expected=[(("clicks",), "“Clicks” has 6 consuming applications sharing 5 reads per second per shard")],
)


def test_lim_kinesis_too_many_consumers() -> None:
    check_case(RULE, CASE)
