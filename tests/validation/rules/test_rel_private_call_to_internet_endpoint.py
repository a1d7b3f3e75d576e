"""REL-059 (Private service calls an internet endpoint without a NAT gateway): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation import validate
from archbuilder.validation.rules.rel_private_call_to_internet_endpoint import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _app_calling_partner_api(nat: bool) -> Build:
    return with_(
        svc("ec2_instance", "private-a", "app"),
        svc("api_gateway_rest", "region", "partner"),
        svc("vpc_endpoint_gateway", "vpc", "s3-endpoint"),
        *([svc("nat_gateway", "public-a", "nat")] if nat else []),
        connect("app", "partner", ConnectionKind.TRAFFIC, port=443),
    )


CASE = Case(
    ok=_app_calling_partner_api(nat=True),
    bad=_app_calling_partner_api(nat=False),
    expected=[
        (
            ("app", "partner"),
            "“App” calls “Partner”, which only the internet reaches, from a VPC with no NAT gateway to the internet",
        )
    ],
)


def test_rel_private_call_to_internet_endpoint() -> None:
    check_case(RULE, CASE)


def test_a_function_in_a_public_subnet_has_no_way_out_either() -> None:
    arch = with_(
        svc("lambda_function", "public-a", "fn", ["public-b"]),
        svc("alb", "public-a", "shop", ["public-b"], internet_facing=True),
        connect("fn", "shop", ConnectionKind.TRAFFIC, port=443),
    )()
    assert [f.node_ids for f in validate(arch, [RULE]).findings] == [("fn", "shop")]


def test_a_private_api_and_an_internal_load_balancer_are_no_internet_endpoints() -> None:
    arch = with_(
        svc("ec2_instance", "private-a", "app"),
        svc("api_gateway_rest", "region", "internal-api", endpoint_type="PRIVATE"),
        svc("alb", "private-a", "inner", ["private-b"], internet_facing=False),
        connect("app", "internal-api", ConnectionKind.TRAFFIC, port=443),
        connect("app", "inner", ConnectionKind.TRAFFIC, port=443),
    )()
    assert validate(arch, [RULE]).findings == []
