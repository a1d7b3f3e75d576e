"""REL-040 (Enhanced VPC Routing without a path to S3): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.rel_redshift_routing_without_s3_path import RULE
from tests.validation.builders import Case, check_case, connect, svc, with_

_WAREHOUSE = (
    svc("redshift_cluster", "private-a", "warehouse", ["private-b"], enhanced_vpc_routing=True),
    svc("s3_bucket", "region", "lake"),
    svc("vpc_endpoint_gateway", "vpc", "ddb-endpoint", service="dynamodb"),
    connect("warehouse", "lake", ConnectionKind.READ),
)

CASE = Case(
    ok=with_(*_WAREHOUSE, svc("vpc_endpoint_gateway", "vpc", "s3-endpoint", service="s3")),
    bad=with_(*_WAREHOUSE),
    expected=[
        (
            ("warehouse", "lake"),
            "“Warehouse” uses Enhanced VPC Routing to reach “Lake”, but VPC “Main” has no S3 gateway endpoint or NAT "
            "gateway",
        )
    ],
)


def test_rel_redshift_routing_without_s3_path() -> None:
    check_case(RULE, CASE)
