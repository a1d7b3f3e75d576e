"""LIM-010 (EBS volume attached to several instances): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.lim_ebs_volume_shared import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _shared_volume(multi_attach: bool) -> Build:
    return with_(
        svc("ec2_instance", "private-a", "one"),
        svc("ec2_instance", "private-a", "two"),
        svc("ebs_volume", "private-a", "disk", volume_type="io2", multi_attach=multi_attach),
        connect("disk", "one", ConnectionKind.ATTACH),
        connect("disk", "two", ConnectionKind.ATTACH),
    )


CASE = Case(
    ok=_shared_volume(True),
    bad=_shared_volume(False),
    expected=[
        (
            ("disk", "one", "two"),
            "“Disk” is attached to 2 instances (“One”, “Two”); a volume attaches to one at a time",
        )
    ],
)


def test_lim_ebs_volume_shared() -> None:
    check_case(RULE, CASE)
