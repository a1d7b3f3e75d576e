"""LIM-062 (CodeDeploy platform does not fit the target): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.lim_codedeploy_platform_mismatch import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _deploy(platform: str) -> Build:
    return with_(
        svc("codedeploy_app", "region", "release", compute_platform=platform),
        svc("lambda_function", "region", "api"),
        connect("release", "api", ConnectionKind.DEPLOY),
    )


CASE = Case(
    ok=_deploy("Lambda"),
    bad=_deploy("Server"),
    expected=[
        (("release", "api"), "“Release” deploys to the Server platform but “Api” needs a Lambda application")
    ],
)


def test_lim_codedeploy_platform_mismatch() -> None:
    check_case(RULE, CASE)
