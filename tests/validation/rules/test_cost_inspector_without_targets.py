"""COST-024 (Inspector with nothing to scan): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.cost_inspector_without_targets import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_


def _design(function: bool) -> Build:
    return with_(
        svc("inspector", "region", "scanner"),
        svc("s3_bucket", "region", "site"),
        *([svc("lambda_function", "region", "api")] if function else []),
    )


CASE = Case(
    ok=_design(function=True),
    bad=_design(function=False),
    expected=[
        (("scanner",), "“Scanner” has nothing to scan: the design has no instances, images or functions")
    ],
)


def test_cost_inspector_without_targets() -> None:
    check_case(RULE, CASE)
