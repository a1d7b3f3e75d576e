"""PERF-015 (T2 burstable instances in production): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.model import Environment
from archbuilder.validation import validate
from archbuilder.validation.rules.perf_burstable_t2_in_production import RULE
from tests.validation.builders import Case, check_case, environment, svc, with_

CASE = Case(
    ok=with_(svc("autoscaling_group", "private-a", "web", ["private-b"], instance_type="m6i.large")),
    bad=with_(svc("autoscaling_group", "private-a", "web", ["private-b"], instance_type="t2.medium")),
    expected=[
        (
            ("web",),
            "“Web” runs production load on t2.medium, which slows to its baseline when CPU credits run out",
        )
    ],
)


def test_perf_burstable_t2_in_production() -> None:
    check_case(RULE, CASE)


def test_t2_is_fine_for_development() -> None:
    arch = with_(
        svc("ec2_instance", "private-a", "box", instance_type="t2.micro"),
        environment(Environment.DEVELOPMENT),
    )()
    assert validate(arch, [RULE]).findings == []
