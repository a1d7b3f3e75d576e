"""REL-064 (Model endpoint on a single instance): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_model_endpoint_single_instance import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("sagemaker_endpoint", "region", "scoring", instance_count=2, max_instance_count=4)),
    bad=with_(svc("sagemaker_endpoint", "region", "scoring", instance_count=1, max_instance_count=4)),
    expected=[(("scoring",), "“Scoring” serves production inferences from one instance in one AZ")],
)


def test_rel_model_endpoint_single_instance() -> None:
    check_case(RULE, CASE)
