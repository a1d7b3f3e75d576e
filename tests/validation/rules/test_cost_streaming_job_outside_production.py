"""COST-029 (Streaming ETL running outside production): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.model import Environment
from archbuilder.validation.rules.cost_streaming_job_outside_production import RULE
from tests.validation.builders import Build, Case, check_case, environment, svc, with_


def _job(kind: str) -> Build:
    return with_(environment(Environment.DEVELOPMENT), svc("glue_job", "region", "enrich", job_type=kind))


CASE = Case(
    ok=_job("glueetl"),
    bad=_job("gluestreaming"),
    expected=[
        (("enrich",), "“Enrich” is a streaming job billing its workers around the clock outside production")
    ],
)


def test_cost_streaming_job_outside_production() -> None:
    check_case(RULE, CASE)
