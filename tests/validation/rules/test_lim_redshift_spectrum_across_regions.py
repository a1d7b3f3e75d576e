"""LIM-021 (Redshift Spectrum data in another region): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.model import Architecture, RegionNode
from archbuilder.validation.rules.lim_redshift_spectrum_across_regions import RULE
from tests.validation.builders import Build, Case, check_case, net


def _lake_in(region: str) -> Build:
    def make() -> Architecture:
        arch = net()
        arch.add_service(
            "redshift_cluster", "private-a", label="Warehouse", node_id="dw", extra_subnet_ids=["private-b"]
        )
        parent = "region"
        if region != "us-east-1":
            arch.add_node(RegionNode(id="far", label="Far", region=region))
            parent = "far"
        arch.add_service("s3_bucket", parent, label="Lake", node_id="lake")
        arch.connect("dw", "lake", ConnectionKind.READ)
        return arch

    return make


CASE = Case(
    ok=_lake_in("us-east-1"),
    bad=_lake_in("eu-west-1"),
    expected=[
        (
            ("dw", "lake"),
            "“Warehouse” (us-east-1) queries “Lake” in eu-west-1; Spectrum needs the data in the cluster's region",
        )
    ],
)


def test_lim_redshift_spectrum_across_regions() -> None:
    check_case(RULE, CASE)
