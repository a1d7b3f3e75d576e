"""REL-020 (Dependent single points of failure in different AZs): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation import validate
from archbuilder.validation.rules.rel_spofs_in_different_azs import RULE
from tests.validation.builders import Build, Case, check_case, connect, db, svc, with_


def _app_and_db(db_subnet: str) -> Build:
    return with_(
        svc("ec2_instance", "private-a", "app"),
        db(db_subnet, multi_az=False),
        connect("app", "db", ConnectionKind.TRAFFIC, 5432),
    )


CASE = Case(
    ok=_app_and_db("private-a"),
    bad=_app_and_db("private-b"),
    expected=[
        (("app", "db"), "“App” (us-east-1a) depends on “DB” (us-east-1b): an outage of either AZ stops it")
    ],
)


def test_rel_spofs_in_different_azs() -> None:
    check_case(RULE, CASE)


def test_multi_az_or_self_healing_ends_are_not_single_points() -> None:
    multi = with_(
        svc("ec2_instance", "private-a", "app"),
        db("private-b", multi_az=True),
        connect("app", "db", ConnectionKind.TRAFFIC, 5432),
    )()
    scaling = with_(
        svc("autoscaling_group", "private-a", "app"),
        db("private-b", multi_az=False),
        connect("app", "db", ConnectionKind.TRAFFIC, 5432),
    )()
    assert validate(multi, [RULE]).findings == [] and validate(scaling, [RULE]).findings == []
