"""LIM-012 (EBS volume attached across AZs): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.lim_ebs_attached_across_azs import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _volume_in(subnet: str) -> Build:
    return with_(
        svc("ec2_instance", "private-a", "box"),
        svc("ebs_volume", subnet, "disk"),
        connect("disk", "box", ConnectionKind.ATTACH),
    )


CASE = Case(
    ok=_volume_in("private-a"),
    bad=_volume_in("private-b"),
    expected=[
        (
            ("disk", "box"),
            "“Disk” (us-east-1b) is attached to “Box” (us-east-1a); a volume attaches only within its AZ",
        )
    ],
)


def test_lim_ebs_attached_across_azs() -> None:
    check_case(RULE, CASE)
