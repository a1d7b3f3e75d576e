"""REL-071 (Workflow without tasks): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.rel_workflow_without_tasks import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _workflow(tasks: bool) -> Build:
    return with_(
        svc("step_functions", "region", "checkout"),
        svc("lambda_function", "region", "charge"),
        *([connect("checkout", "charge", ConnectionKind.INVOKE)] if tasks else []),
    )


CASE = Case(
    ok=_workflow(tasks=True),
    bad=_workflow(tasks=False),
    expected=[(("checkout",), "“Checkout” calls no function or service")],
)


def test_rel_workflow_without_tasks() -> None:
    check_case(RULE, CASE)
