"""COST-026 (gp2 volume where gp3 costs less): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.cost_gp2_volume import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_


def _storage(kind: str) -> Build:
    return with_(
        svc("ebs_volume", "private-a", "data", volume_type=kind),
        svc("ec2_instance", "private-a", "app", volume_type="gp3"),
    )


CASE = Case(
    ok=_storage("gp3"),
    bad=_storage("gp2"),
    expected=[(("data",), "“Data” uses gp2 storage, which costs more than gp3 for the same size")],
)


def test_cost_gp2_volume() -> None:
    check_case(RULE, CASE)
