"""SEC-015 (SES unreachable from private subnets): the ok and the bad fixture, with the exact findings.

An endpoint for another service (here Secrets Manager) is no way to SES; an SES SMTP endpoint is.
"""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation import validate
from archbuilder.validation.rules.sec_ses_without_egress import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _sender_with_endpoint(service: str) -> Build:
    return with_(
        svc("ec2_instance", "private-a", "app"),
        svc("vpc_endpoint_interface", "private-a", "endpoint", service=service),
        svc("ses_identity", "region", "mail"),
        connect("app", "mail", ConnectionKind.WRITE),
    )


CASE = Case(
    ok=_sender_with_endpoint("email-smtp"),
    bad=_sender_with_endpoint("secretsmanager"),
    expected=[
        (
            ("app", "mail"),
            "“App” is in private subnets with no NAT gateway and no SES (email-smtp) endpoint, so it cannot reach "
            "SES “Mail”",
        )
    ],
)


def test_sec_ses_without_egress() -> None:
    check_case(RULE, CASE)


def test_a_nat_gateway_reaches_ses() -> None:
    arch = with_(
        svc("ec2_instance", "private-a", "app"),
        svc("nat_gateway", "public-a", "nat"),
        svc("ses_identity", "region", "mail"),
        connect("app", "mail", ConnectionKind.WRITE),
    )()
    assert validate(arch, [RULE]).findings == []
