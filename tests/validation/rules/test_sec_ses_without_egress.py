"""SEC-015 (SES unreachable from private subnets): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.sec_ses_without_egress import RULE
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
            svc("nat_gateway", "public-a", "nat"),
            svc("ses_identity", "region", "mail"),
            connect("app", "mail", ConnectionKind.WRITE),
        )
    ),
    bad=with_(
        both(
            svc("ec2_instance", "private-a", "app"),
            svc("ses_identity", "region", "mail"),
            connect("app", "mail", ConnectionKind.WRITE),
        )
    ),
    expected=[
        (
            ("app", "mail"),
            "“App” is in private subnets with no NAT gateway or endpoint, so it cannot reach SES “Mail”",
        )
    ],
)


def test_sec_ses_without_egress() -> None:
    check_case(RULE, CASE)
