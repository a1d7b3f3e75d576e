"""PERF-022 (Production data store on a burstable class): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.perf_burstable_data_store import RULE
from tests.validation.builders import Build, Case, check_case, db, svc, with_


def _stores(db_class: str, search: str) -> Build:
    return with_(
        db("private-a", ["private-b"], instance_class=db_class),
        svc("opensearch_domain", "private-a", "search", ["private-b"], instance_type=search),
    )


CASE = Case(
    ok=_stores("db.r6g.large", "r6g.large.search"),
    bad=_stores("db.t3.micro", "t3.small.search"),
    expected=[
        (
            ("db",),
            "“DB” runs production on burstable db.t3.micro, which slows down when its CPU credits run out",
        ),
        (
            ("search",),
            "“Search” runs production on burstable t3.small.search, which slows down when its CPU credits run out",
        ),
    ],
)


def test_perf_burstable_data_store() -> None:
    check_case(RULE, CASE)
