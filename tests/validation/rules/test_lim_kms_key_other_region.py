"""LIM-061 (KMS key used in another region): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.model import Architecture, RegionNode
from archbuilder.validation.rules.lim_kms_key_other_region import RULE
from tests.validation.builders import Build, Case, check_case, net


def _key(bucket_region: str) -> Build:
    def make() -> Architecture:
        arch = net()
        arch.add_node(RegionNode(id="eu", label="Europe", region="eu-west-1"))
        arch.add_service("kms_key", "region", label="Key", node_id="key")
        arch.add_service(
            "s3_bucket", "eu" if bucket_region == "eu-west-1" else "region", label="Data", node_id="data"
        )
        arch.connect("key", "data", ConnectionKind.ATTACH)
        return arch

    return make


CASE = Case(
    ok=_key("us-east-1"),
    bad=_key("eu-west-1"),
    expected=[
        (
            ("key", "data"),
            "“Key” (us-east-1) encrypts “Data” in eu-west-1; a KMS key is used only in its own region",
        )
    ],
)


def test_lim_kms_key_other_region() -> None:
    check_case(RULE, CASE)
