"""COST-028 (A NAT gateway per AZ outside production): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.model import Environment
from archbuilder.validation.rules.cost_nat_per_az_outside_production import RULE
from tests.validation.builders import Build, Case, check_case, environment, svc, with_


def _natted(per_az: bool) -> Build:
    return with_(
        environment(Environment.DEVELOPMENT),
        svc("nat_gateway", "public-a", "nat-a"),
        *([svc("nat_gateway", "public-b", "nat-b")] if per_az else []),
    )


CASE = Case(
    ok=_natted(False),
    bad=_natted(True),
    expected=[
        (
            ("nat-a", "nat-b"),
            "The development VPC “Main” pays for 2 NAT gateways; one is enough outside production",
        )
    ],
)


def test_cost_nat_per_az_outside_production() -> None:
    check_case(RULE, CASE)
