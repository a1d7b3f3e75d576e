"""SUS-004 (Model endpoint without auto scaling): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.sus_endpoint_without_autoscaling import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("sagemaker_endpoint", "region", "model", instance_count=2, max_instance_count=6)),
    bad=with_(svc("sagemaker_endpoint", "region", "model", instance_count=2, max_instance_count=2)),
    expected=[
        (
            ("model",),
            "“Model” keeps 2 instance(s) running whatever the invocation rate: its maximum instance count leaves no "
            "room to scale",
        )
    ],
)


def test_sus_endpoint_without_autoscaling() -> None:
    check_case(RULE, CASE)
