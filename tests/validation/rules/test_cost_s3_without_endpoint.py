"""COST-003 (S3/DynamoDB without a gateway endpoint): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.cost_s3_without_endpoint import RULE
from tests.validation.builders import (
    Case,
    both,
    check_case,
    connect,
    svc,
    with_,
)

CASE = Case(
    ok=with_(
        both(
            svc("ec2_instance", "private-a", "app"),
            svc("s3_bucket", "region", "bucket"),
            svc("vpc_endpoint_gateway", "vpc", "endpoint"),
            connect("app", "bucket", ConnectionKind.READ),
        )
    ),
    bad=with_(
        both(
            svc("ec2_instance", "private-a", "app"),
            svc("s3_bucket", "region", "bucket"),
            connect("app", "bucket", ConnectionKind.READ),
        )
    ),
    expected=[(("app",), "“App” reaches Bucket without a VPC gateway endpoint")],
)


def test_cost_s3_without_endpoint() -> None:
    check_case(RULE, CASE)
