"""PERF-003 (Provisioned IOPS without EBS optimization): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.perf_piops_without_ebs_optimized import RULE
from tests.validation.builders import (
    Case,
    both,
    check_case,
    connect,
    svc,
    with_,
)

CASE = Case(
    ok=with_(
        both(
            svc("ebs_volume", "private-a", "disk", volume_type="io2"),
            svc("ec2_instance", "private-a", "box"),
            connect("disk", "box", ConnectionKind.ATTACH),
        )
    ),
    bad=with_(
        both(
            svc("ebs_volume", "private-a", "disk", volume_type="io2"),
            svc("ec2_instance", "private-a", "box", ebs_optimized=False),
            connect("disk", "box", ConnectionKind.ATTACH),
        )
    ),
    expected=[(("disk", "box"), "“Disk” provisions IOPS but “Box” is not EBS-optimized")],
)


def test_perf_piops_without_ebs_optimized() -> None:
    check_case(RULE, CASE)
