"""SEC-027 (Role with administrator rights): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.sec_admin_policy_on_role import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_

READ_S3 = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"


def _role(extra: str) -> Build:
    return with_(svc("iam_role", None, "app-role", managed_policy_arns=[READ_S3, extra]))


CASE = Case(
    ok=_role("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"),
    bad=_role("arn:aws:iam::aws:policy/AdministratorAccess"),
    expected=[
        (
            ("app-role",),
            "“App-role” is granted AdministratorAccess, which allows nearly every action on every resource",
        )
    ],
)


def test_sec_admin_policy_on_role() -> None:
    check_case(RULE, CASE)
