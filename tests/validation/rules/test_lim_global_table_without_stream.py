"""LIM-029 (Global table without a stream): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.lim_global_table_without_stream import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_


def _tables(stream: str) -> Build:
    return with_(
        svc(
            "dynamodb_table", "region", "sessions", replica_regions=["eu-west-1", "us-east-1"], stream=stream
        ),
        svc("dynamodb_table", "region", "local", replica_regions=["us-east-1"], stream="NONE"),
    )


CASE = Case(
    ok=_tables("NEW_AND_OLD_IMAGES"),
    bad=_tables("KEYS_ONLY"),
    expected=[
        (
            ("sessions",),
            "“Sessions” is replicated to eu-west-1 as a global table, but its stream is KEYS_ONLY; global tables "
            "replicate through a stream of new and old images",
        )
    ],
)


def test_lim_global_table_without_stream() -> None:
    check_case(RULE, CASE)
