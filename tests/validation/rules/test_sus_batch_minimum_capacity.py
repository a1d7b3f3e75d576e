"""SUS-011 (Batch environment with a standing minimum): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.sus_batch_minimum_capacity import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("batch_compute_environment", "private-a", "jobs", resource_type="EC2", min_vcpus=0)),
    bad=with_(svc("batch_compute_environment", "private-a", "jobs", resource_type="EC2", min_vcpus=8)),
    expected=[(("jobs",), "“Jobs” keeps 8 vCPUs running even when no job is queued")],
)


def test_sus_batch_minimum_capacity() -> None:
    check_case(RULE, CASE)
