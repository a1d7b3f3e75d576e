"""SUS-001 (Non-production resources always on): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.model import Environment
from archbuilder.validation import validate
from archbuilder.validation.rules.sus_non_production_always_on import RULE
from tests.validation.builders import Case, check_case, db, environment, svc, with_

_BOX = svc("ec2_instance", "private-a", "box")
_DB = db("private-a", ["private-b"])

CASE = Case(
    ok=with_(_BOX, _DB),
    bad=with_(_BOX, _DB, environment(Environment.DEVELOPMENT)),
    expected=[
        (
            ("box",),
            "“Box” runs around the clock in a development design: no scheduled rule stops it after hours",
        ),
        (
            ("db",),
            "“DB” runs around the clock in a development design: no scheduled rule stops it after hours",
        ),
    ],
)


def test_sus_non_production_always_on() -> None:
    check_case(RULE, CASE)


def test_a_scheduled_rule_that_stops_the_environment_is_enough() -> None:
    stopper = svc("eventbridge_rule", "region", "stop", schedule_expression="cron(0 19 ? * MON-FRI *)")
    arch = with_(_BOX, stopper, environment(Environment.STAGING))()
    assert validate(arch, [RULE]).findings == []
