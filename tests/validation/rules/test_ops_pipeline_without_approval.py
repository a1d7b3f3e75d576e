"""OPS-014 (Production pipeline without approval): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.model import Environment
from archbuilder.validation import validate
from archbuilder.validation.rules.ops_pipeline_without_approval import RULE
from tests.validation.builders import Case, check_case, environment, svc, with_

CASE = Case(
    ok=with_(svc("codepipeline", "region", "release", manual_approval=True)),
    bad=with_(svc("codepipeline", "region", "release", manual_approval=False)),
    expected=[(("release",), "“Release” releases to production with no manual approval step")],
)


def test_ops_pipeline_without_approval() -> None:
    check_case(RULE, CASE)


def test_development_pipelines_may_release_unattended() -> None:
    arch = with_(
        svc("codepipeline", "region", "release", manual_approval=False), environment(Environment.DEVELOPMENT)
    )()
    assert validate(arch, [RULE]).findings == []
