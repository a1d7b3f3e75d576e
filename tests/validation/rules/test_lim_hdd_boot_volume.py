"""LIM-013 (HDD volume as boot volume): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.lim_hdd_boot_volume import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("ec2_instance", "private-a", "box", volume_type="gp3")),
    bad=with_(svc("ec2_instance", "private-a", "box", volume_type="sc1")),
    expected=[(("box",), "“Box” boots from a sc1 volume, which cannot boot")],
)


def test_lim_hdd_boot_volume() -> None:
    check_case(RULE, CASE)
