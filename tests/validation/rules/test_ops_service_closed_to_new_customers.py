"""OPS-026 (Service closed to new customers): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.ops_service_closed_to_new_customers import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(
        svc("glue_job", "region", "copy"),
        svc("storage_gateway", "region", "office", gateway_type="FILE_S3"),
    ),
    bad=with_(
        svc("data_pipeline", "region", "copy"),
        svc("storage_gateway", "region", "office", gateway_type="FILE_FSX_SMB"),
    ),
    expected=[
        (
            ("copy",),
            "“Copy” uses AWS Data Pipeline, closed to new customers since July 2024: move the job to AWS Glue, Step "
            "Functions or Amazon MWAA",
        ),
        (
            ("office",),
            "“Office” is an FSx File Gateway, closed to new customers since October 2024: reach FSx for Windows File "
            "Server directly (over Direct Connect or VPN) instead",
        ),
    ],
)


def test_ops_service_closed_to_new_customers() -> None:
    check_case(RULE, CASE)
