"""COST-017 (Traffic between regions): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.model import Architecture, RegionNode
from archbuilder.validation.rules.cost_cross_region_traffic import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _europe(arch: Architecture) -> None:
    arch.add_node(RegionNode(id="europe", label="Europe", region="eu-west-1"))


def _replica_in(region: str) -> Build:
    return with_(
        _europe,
        svc("s3_bucket", "region", "photos"),
        svc("s3_bucket", region, "copies"),
        svc("lambda_function", "region", "resize"),
        svc("cloudfront_distribution", None, "cdn"),
        connect("photos", "copies", ConnectionKind.REPLICATE),
        connect("resize", "photos", ConnectionKind.READ_WRITE),
        connect("cdn", "photos", ConnectionKind.ORIGIN),
    )


CASE = Case(
    ok=_replica_in("region"),
    bad=_replica_in("europe"),
    expected=[
        (
            ("photos", "copies"),
            "“Photos” (us-east-1) → “Copies” (eu-west-1): data leaving a region is billed per GB",
        )
    ],
)


def test_cost_cross_region_traffic() -> None:
    check_case(RULE, CASE)
