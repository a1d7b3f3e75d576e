"""REL-048 (Scaling cooldown under a minute): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_scaling_cooldown_short import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_


def _group(cooldown: int) -> Build:
    return with_(svc("autoscaling_group", "private-a", "app", ["private-b"], cooldown_seconds=cooldown))


CASE = Case(
    ok=_group(60),
    bad=_group(10),
    expected=[
        (
            ("app",),
            "“App” waits only 10 s between scaling activities, less than new instances need to take effect",
        )
    ],
)


def test_rel_scaling_cooldown_short() -> None:
    check_case(RULE, CASE)
