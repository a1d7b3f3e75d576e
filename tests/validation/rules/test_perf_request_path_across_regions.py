"""PERF-024 (Request path reaching a database in another region): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.model import Architecture, RegionNode
from archbuilder.validation.rules.perf_request_path_across_regions import RULE
from tests.validation.builders import Build, Case, check_case, net


def _app(function_region: str) -> Build:
    def make() -> Architecture:
        arch = net()
        arch.add_node(RegionNode(id="eu", label="Europe", region="eu-west-1"))
        arch.add_service(
            "aurora_cluster", "private-a", label="DB", node_id="db", extra_subnet_ids=["private-b"]
        )
        arch.add_service(
            "lambda_function",
            "eu" if function_region == "eu-west-1" else "region",
            label="Api",
            node_id="api",
        )
        arch.connect("api", "db", ConnectionKind.TRAFFIC, port=5432)
        return arch

    return make


CASE = Case(
    ok=_app("us-east-1"),
    bad=_app("eu-west-1"),
    expected=[
        (
            ("api", "db"),
            "“Api” (eu-west-1) queries “DB” in us-east-1: every request waits for a round trip between regions",
        )
    ],
)


def test_perf_request_path_across_regions() -> None:
    check_case(RULE, CASE)
