"""LIM-026 (Aurora Serverless minimum capacity above its maximum): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.lim_aurora_capacity_range import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_


def _cluster(minimum: float) -> Build:
    return with_(
        svc(
            "aurora_cluster",
            "private-a",
            "db",
            ["private-b"],
            capacity_mode="serverless_v2",
            min_capacity_acu=minimum,
            max_capacity_acu=4,
        )
    )


CASE = Case(
    ok=_cluster(4),
    bad=_cluster(8),
    expected=[(("db",), "“Db” is set to scale from 8 ACUs up to 4 ACUs: the minimum is above the maximum")],
)


def test_lim_aurora_capacity_range() -> None:
    check_case(RULE, CASE)
