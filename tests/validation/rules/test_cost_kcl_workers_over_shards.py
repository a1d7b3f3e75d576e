"""COST-018 (More stream workers than shards): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.cost_kcl_workers_over_shards import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _fleet(workers: int) -> Build:
    return with_(
        svc("kinesis_stream", "region", "clicks", stream_mode="PROVISIONED", shard_count=2),
        svc("ecs_service", "private-a", "readers", ["private-b"], desired_count=workers),
        svc("lambda_function", "region", "archiver"),
        connect("clicks", "readers", ConnectionKind.POLL),
        connect("clicks", "archiver", ConnectionKind.POLL),
    )


CASE = Case(
    ok=_fleet(2),
    bad=_fleet(6),
    expected=[
        (
            ("readers", "clicks"),
            "“Readers” runs 6 workers on “Clicks”, which has 2 shards; with the KCL each shard has one worker, so 4 "
            "sit idle",
        )
    ],
)


def test_cost_kcl_workers_over_shards() -> None:
    check_case(RULE, CASE)
