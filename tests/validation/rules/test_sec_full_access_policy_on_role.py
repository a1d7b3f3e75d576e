"""SEC-030 (Role with a full-access policy): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.sec_full_access_policy_on_role import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_

POLICY = "arn:aws:iam::aws:policy/"


def _role(*names: str) -> Build:
    return with_(
        svc(
            "iam_role",
            None,
            "worker-role",
            managed_policy_arns=[POLICY + name for name in names]
            + ["arn:aws:iam::123456789012:policy/OrdersFullAccess"],  # the account's own policy
        )
    )


CASE = Case(
    ok=_role("AmazonS3ReadOnlyAccess", "service-role/AWSLambdaBasicExecutionRole"),
    bad=_role("AmazonS3FullAccess", "SecretsManagerReadWrite", "service-role/AWSLambdaBasicExecutionRole"),
    expected=[
        (
            ("worker-role",),
            "“Worker-role” is granted full access through AmazonS3FullAccess, SecretsManagerReadWrite; its workload "
            "needs only the actions and resources it uses",
        )
    ],
)


def test_sec_full_access_policy_on_role() -> None:
    check_case(RULE, CASE)
