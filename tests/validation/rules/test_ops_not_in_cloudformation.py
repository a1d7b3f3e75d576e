"""OPS-015 (Service CloudFormation cannot create): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.ops_not_in_cloudformation import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("s3_bucket", "region", "archive")),
    bad=with_(svc("s3_bucket", "region", "archive"), svc("glacier_vault", "region", "vault")),
    expected=[
        (
            ("vault",),
            "“Vault” (Glacier) has no CloudFormation resource type: a CloudFormation template cannot create it",
        )
    ],
)


def test_ops_not_in_cloudformation() -> None:
    check_case(RULE, CASE)
