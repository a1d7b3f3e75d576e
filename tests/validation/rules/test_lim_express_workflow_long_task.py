"""LIM-058 (Express workflow calling a long task): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.lim_express_workflow_long_task import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _workflow(kind: str) -> Build:
    return with_(
        svc("step_functions", "region", "checkout", workflow_type=kind),
        svc("lambda_function", "region", "render", timeout_seconds=600),
        connect("checkout", "render", ConnectionKind.INVOKE),
    )


CASE = Case(
    ok=_workflow("STANDARD"),
    bad=_workflow("EXPRESS"),
    expected=[
        (
            ("checkout", "render"),
            "“Checkout” is an Express workflow, which stops after 5 minutes, but calls “Render”, which may run 600 s",
        )
    ],
)


def test_lim_express_workflow_long_task() -> None:
    check_case(RULE, CASE)
