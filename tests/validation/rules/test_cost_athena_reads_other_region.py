"""COST-023 (Athena or a crawler reading data in another region): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.model import Architecture, RegionNode
from archbuilder.validation.rules.cost_athena_reads_other_region import RULE
from tests.validation.builders import Build, Case, check_case


def _lake(data_region: str) -> Build:
    def make() -> Architecture:
        from tests.validation.builders import net

        arch = net()
        arch.add_node(RegionNode(id="eu", label="Europe", region="eu-west-1"))
        data_parent = "eu" if data_region == "eu-west-1" else "region"
        arch.add_service("athena_workgroup", "region", label="Analysts", node_id="analysts")
        arch.add_service("glue_crawler", "region", label="Crawler", node_id="crawler")
        arch.add_service("s3_bucket", data_parent, label="Lake", node_id="lake")
        arch.connect("analysts", "lake", ConnectionKind.READ)
        arch.connect("crawler", "lake", ConnectionKind.READ)
        return arch

    return make


CASE = Case(
    ok=_lake("us-east-1"),
    bad=_lake("eu-west-1"),
    expected=[
        (
            ("analysts", "lake"),
            "“Analysts” (us-east-1) reads “Lake” in eu-west-1: every scan crosses regions and is billed as "
            "inter-region transfer",
        ),
        (
            ("crawler", "lake"),
            "“Crawler” (us-east-1) reads “Lake” in eu-west-1: every scan crosses regions and is billed as "
            "inter-region transfer",
        ),
    ],
)


def test_cost_athena_reads_other_region() -> None:
    check_case(RULE, CASE)
