"""OPS-028 (Resource the checks cannot see): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.ops_resources_not_checked import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("ssm_parameter", "region", "setting")),
    bad=with_(svc("generic", "region", "setting", resource_type="AWS::AppConfig::Application")),
    expected=[
        (("setting",), "“Setting” (AWS::AppConfig::Application) is kept as imported; no rule checks it")
    ],
)


def test_ops_resources_not_checked() -> None:
    check_case(RULE, CASE)
