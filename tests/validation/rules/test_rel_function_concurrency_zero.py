"""REL-087 (Function reserved to zero concurrency): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_function_concurrency_zero import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("lambda_function", "region", "worker", reserved_concurrency=10)),
    bad=with_(svc("lambda_function", "region", "worker", reserved_concurrency=0)),
    expected=[(("worker",), "“Worker” has reserved concurrency 0, so every invocation is throttled")],
)


def test_rel_function_concurrency_zero() -> None:
    check_case(RULE, CASE)
