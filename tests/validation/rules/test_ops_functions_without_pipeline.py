"""OPS-023 (Many functions without a deployment pipeline): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.model import Architecture
from archbuilder.validation import validate
from archbuilder.validation.rules.ops_functions_without_pipeline import RULE
from tests.validation.builders import Case, check_case, svc, with_

_IDS = tuple(f"fn{index:02d}" for index in range(11))


def _functions(arch: Architecture) -> None:
    for node_id in _IDS:
        svc("lambda_function", "region", node_id)(arch)


CASE = Case(
    ok=with_(_functions, svc("codepipeline", "region", "release")),
    bad=with_(_functions),
    expected=[(_IDS, "11 Lambda functions and no deployment pipeline to release their versions and aliases")],
)


def test_ops_functions_without_pipeline() -> None:
    check_case(RULE, CASE)


def test_ten_functions_are_still_manageable() -> None:
    def ten(arch: Architecture) -> None:
        for node_id in _IDS[:10]:
            svc("lambda_function", "region", node_id)(arch)

    assert validate(with_(ten)(), [RULE]).findings == []
