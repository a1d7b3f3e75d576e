"""REL-013 (VPC function without a path to AWS APIs): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.rel_lambda_in_vpc_without_egress import RULE
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
            svc("lambda_function", "private-a", "fn", ["private-b"]),
            svc("dynamodb_table", "region", "table"),
            svc("vpc_endpoint_gateway", "vpc", "endpoint"),
            connect("fn", "table", ConnectionKind.WRITE),
        )
    ),
    bad=with_(
        both(
            svc("lambda_function", "private-a", "fn", ["private-b"]),
            svc("dynamodb_table", "region", "table"),
            connect("fn", "table", ConnectionKind.WRITE),
        )
    ),
    expected=[(("fn",), "“Fn” runs in a VPC with no NAT gateway or VPC endpoint, so it cannot reach Table")],
)


def test_rel_lambda_in_vpc_without_egress() -> None:
    check_case(RULE, CASE)


def test_a_private_nat_gateway_is_no_way_out() -> None:
    """A NAT gateway of private connectivity reaches other networks, not AWS's public endpoints."""
    private_nat = Case(
        ok=CASE.ok,
        bad=with_(
            both(
                svc("lambda_function", "private-a", "fn", ["private-b"]),
                svc("dynamodb_table", "region", "table"),
                svc("nat_gateway", "public-a", "transit", connectivity="private"),
                connect("fn", "table", ConnectionKind.WRITE),
            )
        ),
        expected=CASE.expected,
    )
    check_case(RULE, private_nat)
