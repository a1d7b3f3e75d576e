"""PERF-013 (Container images pulled from another region): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.model import Architecture, RegionNode
from archbuilder.validation.rules.perf_image_pulled_across_regions import RULE
from tests.validation.builders import Case, Step, check_case, connect, svc, with_


def _europe(arch: Architecture) -> None:
    arch.add_node(RegionNode(id="eu", label="Europe", region="eu-west-1", x=1300, width=600, height=400))


def _function_in(region: str) -> Step:
    return svc("lambda_function", region, "worker", runtime="python3.12")


_REPO = svc("ecr_repository", "region", "images")

CASE = Case(
    ok=with_(_europe, _REPO, _function_in("region"), connect("worker", "images", ConnectionKind.READ)),
    bad=with_(_europe, _REPO, _function_in("eu"), connect("worker", "images", ConnectionKind.READ)),
    expected=[
        (
            ("worker", "images"),
            "“Worker” in eu-west-1 pulls images from “Images” in us-east-1: every pull crosses regions",
        )
    ],
)


def test_perf_image_pulled_across_regions() -> None:
    check_case(RULE, CASE)
