"""COST-020 (Lambda trigger loop): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.cost_lambda_trigger_loop import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _pipeline(output: str) -> Build:
    return with_(
        svc("s3_bucket", "region", "uploads"),
        svc("s3_bucket", "region", "thumbnails"),
        svc("lambda_function", "region", "resize"),
        svc("dynamodb_table", "region", "catalog"),
        connect("uploads", "resize", ConnectionKind.EVENT),
        connect("resize", "catalog", ConnectionKind.READ),  # reading triggers nothing
        connect("resize", output, ConnectionKind.WRITE),
    )


CASE = Case(
    ok=_pipeline("thumbnails"),
    bad=_pipeline("uploads"),
    expected=[
        (
            ("resize", "uploads"),
            "“Resize” → “Uploads” → “Resize”: each run triggers the next, so the function can keep invoking itself "
            "without end",
        )
    ],
)


def test_cost_lambda_trigger_loop() -> None:
    check_case(RULE, CASE)
