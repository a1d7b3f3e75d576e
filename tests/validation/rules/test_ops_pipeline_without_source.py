"""OPS-025 (Pipeline without a source): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.ops_pipeline_without_source import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _pipeline(sourced: bool) -> Build:
    return with_(
        svc("codecommit_repository", "region", "repo"),
        svc("codepipeline", "region", "release"),
        svc("lambda_function", "region", "notifier"),
        connect("repo" if sourced else "notifier", "release", ConnectionKind.EVENT),
    )


CASE = Case(
    ok=_pipeline(sourced=True),
    bad=_pipeline(sourced=False),
    expected=[
        (
            ("release",),
            "“Release” has no source: no repository, bucket or image registry is connected to start it",
        )
    ],
)


def test_ops_pipeline_without_source() -> None:
    check_case(RULE, CASE)
