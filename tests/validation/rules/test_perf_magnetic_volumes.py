"""PERF-001 (Magnetic EBS volume): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.perf_magnetic_volumes import RULE
from tests.validation.builders import (
    Case,
    check_case,
    svc,
    with_,
)

CASE = Case(
    ok=with_(svc("ebs_volume", "private-a", "disk", volume_type="gp3")),
    bad=with_(svc("ebs_volume", "private-a", "disk", volume_type="st1")),
    expected=[(("disk",), "“Disk” uses a magnetic volume (st1)")],
)


def test_perf_magnetic_volumes() -> None:
    check_case(RULE, CASE)
