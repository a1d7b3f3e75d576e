"""OPS-033 (Interface endpoint without private DNS): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.ops_endpoint_private_dns_off import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(
        svc(
            "vpc_endpoint_interface",
            "private-a",
            "sqs",
            ["private-b"],
            service="sqs",
            private_dns_enabled=True,
        )
    ),
    bad=with_(
        svc(
            "vpc_endpoint_interface",
            "private-a",
            "sqs",
            ["private-b"],
            service="sqs",
            private_dns_enabled=False,
        )
    ),
    expected=[
        (("sqs",), "“Sqs” has private DNS off, so clients using the service's usual name go around it")
    ],
)


def test_ops_endpoint_private_dns_off() -> None:
    check_case(RULE, CASE)
