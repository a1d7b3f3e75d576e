"""REL-013 (VPC function without a path to AWS APIs): the ok and the bad fixture, with the exact findings.

The way out is checked per destination: an S3 gateway endpoint reaches S3, not DynamoDB or SQS, and a Secrets
Manager endpoint reaches Secrets Manager only.
"""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation import validate
from archbuilder.validation.rules.rel_lambda_in_vpc_without_egress import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _function_writing_to_table(*endpoints: tuple[str, str]) -> Build:
    """A function in private subnets writing to a DynamoDB table, with the given (type, service) endpoints."""
    return with_(
        svc("lambda_function", "private-a", "fn", ["private-b"]),
        svc("dynamodb_table", "region", "table"),
        *(
            svc(
                kind,
                "vpc" if kind == "vpc_endpoint_gateway" else "private-a",
                f"endpoint-{n}",
                service=service,
            )
            for n, (kind, service) in enumerate(endpoints)
        ),
        connect("fn", "table", ConnectionKind.WRITE),
    )


CASE = Case(
    ok=_function_writing_to_table(("vpc_endpoint_gateway", "dynamodb")),
    bad=_function_writing_to_table(("vpc_endpoint_gateway", "s3")),
    expected=[
        (
            ("fn",),
            "“Fn” runs in a VPC with no NAT gateway and no VPC endpoint for what it calls: Table (dynamodb)",
        )
    ],
)


def test_rel_lambda_in_vpc_without_egress() -> None:
    check_case(RULE, CASE)


def test_an_endpoint_for_another_service_is_no_way_out() -> None:
    """One Secrets Manager interface endpoint used to silence the rule for every service the function called."""
    arch = with_(
        svc("lambda_function", "private-a", "fn", ["private-b"]),
        svc("secrets_manager_secret", "region", "secret"),
        svc("sqs_queue", "region", "jobs"),
        svc("vpc_endpoint_interface", "private-a", "secrets-endpoint", service="secretsmanager"),
        connect("fn", "secret", ConnectionKind.READ),
        connect("fn", "jobs", ConnectionKind.WRITE),
    )()
    assert [(f.node_ids, f.message) for f in validate(arch, [RULE]).findings] == [
        (("fn",), "“Fn” runs in a VPC with no NAT gateway and no VPC endpoint for what it calls: Jobs (sqs)")
    ]


def test_endpoint_service_names_are_read_in_full_or_short() -> None:
    arch = with_(
        svc("lambda_function", "private-a", "fn", ["private-b"]),
        svc("sqs_queue", "region", "jobs"),
        svc("vpc_endpoint_interface", "private-a", "sqs-endpoint", service="com.amazonaws.us-east-1.sqs"),
        connect("fn", "jobs", ConnectionKind.WRITE),
    )()
    assert validate(arch, [RULE]).findings == []


def test_a_private_nat_gateway_is_no_way_out() -> None:
    """A NAT gateway of private connectivity reaches other networks, not AWS's public endpoints."""
    private_nat = Case(
        ok=CASE.ok,
        bad=with_(
            svc("lambda_function", "private-a", "fn", ["private-b"]),
            svc("dynamodb_table", "region", "table"),
            svc("nat_gateway", "public-a", "transit", connectivity="private"),
            connect("fn", "table", ConnectionKind.WRITE),
        ),
        expected=CASE.expected,
    )
    check_case(RULE, private_nat)
