"""COST-009 (EBS volume not attached to an instance): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.cost_unattached_ebs_volume import RULE
from tests.validation.builders import Case, check_case, connect, svc, with_

CASE = Case(
    ok=with_(
        svc("ec2_instance", "private-a", "box"),
        svc("ebs_volume", "private-a", "disk"),
        connect("disk", "box", ConnectionKind.ATTACH),
    ),
    bad=with_(svc("ec2_instance", "private-a", "box"), svc("ebs_volume", "private-a", "disk")),
    expected=[(("disk",), "“Disk” is attached to no instance and is billed for its full size")],
)


def test_cost_unattached_ebs_volume() -> None:
    check_case(RULE, CASE)
