"""LIM-048 (Data Pipeline schedule out of range): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.lim_data_pipeline_schedule_too_short import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_


def _pipelines(nightly: str, frequent: str) -> Build:
    return with_(
        svc("data_pipeline", "region", "nightly", schedule_period=nightly),
        svc("data_pipeline", "region", "frequent", schedule_period=frequent),
    )


CASE = Case(
    ok=_pipelines("1 day", "15 minutes"),
    bad=_pipelines("daily", "5 minutes"),
    expected=[
        (
            ("frequent",),
            "“Frequent” runs every 5 minutes; a pipeline's schedule period is 15 minutes at least",
        ),
        (
            ("nightly",),
            "“Nightly” has schedule period 'daily', which is not '<n> minutes|hours|days|weeks|months'",
        ),
    ],
)


def test_lim_data_pipeline_schedule_too_short() -> None:
    check_case(RULE, CASE)
