"""OPS-013 (Deployments without automatic rollback): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.ops_deploy_without_auto_rollback import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("codedeploy_app", "region", "deploy", auto_rollback=True)),
    bad=with_(svc("codedeploy_app", "region", "deploy", auto_rollback=False)),
    expected=[(("deploy",), "“Deploy” leaves a failed deployment in place: automatic rollback is off")],
)


def test_ops_deploy_without_auto_rollback() -> None:
    check_case(RULE, CASE)
