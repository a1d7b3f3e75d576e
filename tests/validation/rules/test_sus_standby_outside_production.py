"""SUS-015 (Standby database outside production): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.model import Environment
from archbuilder.validation.rules.sus_standby_outside_production import RULE
from tests.validation.builders import Case, check_case, db, environment, with_

CASE = Case(
    ok=with_(db("private-a", ["private-b"], multi_az=False), environment(Environment.STAGING)),
    bad=with_(db("private-a", ["private-b"], multi_az=True), environment(Environment.STAGING)),
    expected=[(("db",), "“DB” runs a Multi-AZ standby that serves no queries in a staging design")],
)


def test_sus_standby_outside_production() -> None:
    check_case(RULE, CASE)
