"""REL-051 (Production warehouse in one AZ): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.model import Environment
from archbuilder.validation import validate
from archbuilder.validation.rules.rel_redshift_single_az import RULE
from tests.validation.builders import Build, Case, check_case, environment, svc, with_


def _warehouse(env: Environment, multi_az: bool) -> Build:
    return with_(
        environment(env),
        svc(
            "redshift_cluster",
            "private-a",
            "warehouse",
            ["private-b"],
            instance_class="ra3.xlplus",
            multi_az=multi_az,
        ),
    )


CASE = Case(
    ok=_warehouse(Environment.PRODUCTION, True),
    bad=_warehouse(Environment.PRODUCTION, False),
    expected=[(("warehouse",), "“Warehouse” runs in one AZ behind a single leader node")],
)


def test_rel_redshift_single_az() -> None:
    check_case(RULE, CASE)


def test_rel_redshift_single_az_outside_production() -> None:
    assert validate(_warehouse(Environment.DEVELOPMENT, False)(), [RULE]).findings == []
