"""REL-056 (Private servers without a path to AWS APIs): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation import validate
from archbuilder.validation.rules.rel_private_servers_without_api_path import RULE
from tests.validation.builders import Case, check_case, connect, svc, with_

_SERVERS = (
    svc("autoscaling_group", "private-a", "app", ["private-b"]),
    svc("ec2_instance", "public-a", "bastion"),
    svc("s3_bucket", "region", "uploads"),
    svc("sqs_queue", "region", "jobs"),
    svc("vpc_endpoint_gateway", "vpc", "s3-endpoint", service="s3"),
    connect("app", "uploads", ConnectionKind.READ_WRITE),
    connect("app", "jobs", ConnectionKind.WRITE),
    connect("bastion", "jobs", ConnectionKind.WRITE),
)

CASE = Case(
    ok=with_(
        *_SERVERS, svc("vpc_endpoint_interface", "private-a", "sqs-endpoint", ["private-b"], service="sqs")
    ),
    bad=with_(*_SERVERS),
    expected=[
        (
            ("app", "jobs"),
            "“App” runs in private subnets with no NAT gateway or VPC endpoint for “Jobs”, so its calls cannot leave "
            "the VPC",
        )
    ],
)


def test_rel_private_servers_without_api_path() -> None:
    check_case(RULE, CASE)


def test_rel_private_servers_with_a_nat_gateway() -> None:
    natted = with_(*_SERVERS, svc("nat_gateway", "public-a", "nat"))
    assert validate(natted(), [RULE]).findings == []


def test_a_repository_is_reached_through_its_own_endpoint() -> None:
    def build(service: str) -> list[tuple[str, ...]]:
        arch = with_(
            svc("ec2_instance", "private-a", "builder"),
            svc("codecommit_repository", "region", "repo"),
            svc("vpc_endpoint_interface", "private-a", "endpoint", service=service),
            connect("builder", "repo", ConnectionKind.READ),
        )()
        return [f.node_ids for f in validate(arch, [RULE]).findings]

    assert build("git-codecommit") == []
    assert build("secretsmanager") == [("builder", "repo")]
