"""SEC-025 (Secret in Parameter Store without rotation): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.sec_secure_parameter_not_rotated import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("ssm_parameter", "region", "config", parameter_type="String")),
    bad=with_(svc("ssm_parameter", "region", "config", parameter_type="SecureString")),
    expected=[(("config",), "“Config” holds a secret that Parameter Store never rotates")],
)


def test_sec_secure_parameter_not_rotated() -> None:
    check_case(RULE, CASE)
