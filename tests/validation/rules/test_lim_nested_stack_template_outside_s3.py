"""LIM-047 (Nested stack template outside S3): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.lim_nested_stack_template_outside_s3 import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_


def _stacks(network: str, data: str) -> Build:
    return with_(
        svc("cloudformation_stack", "region", "network", template_url=network),
        svc("cloudformation_stack", "region", "data", template_url=data),
    )


CASE = Case(
    ok=_stacks(
        "https://templates-bucket.s3.amazonaws.com/network.yaml",
        "https://s3.eu-west-1.amazonaws.com/templates-bucket/data.yaml",
    ),
    bad=_stacks("https://example.com/network.yaml", ""),
    expected=[
        (("data",), "“Data” names no template: a nested stack is created from a template stored in S3"),
        (
            ("network",),
            "“Network” reads its template from https://example.com/network.yaml, which is not an S3 object URL",
        ),
    ],
)


def test_lim_nested_stack_template_outside_s3() -> None:
    check_case(RULE, CASE)
