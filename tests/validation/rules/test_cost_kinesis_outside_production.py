"""COST-014 (Kinesis stream outside production): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.model import Environment
from archbuilder.validation.rules.cost_kinesis_outside_production import RULE
from tests.validation.builders import Case, check_case, environment, svc, with_

_STREAM = svc("kinesis_stream", "region", "clicks", shard_count=2)

CASE = Case(
    ok=with_(_STREAM),
    bad=with_(_STREAM, environment(Environment.STAGING)),
    expected=[(("clicks",), "“Clicks” bills 2 shard(s) by the hour in a staging design")],
)


def test_cost_kinesis_outside_production() -> None:
    check_case(RULE, CASE)
