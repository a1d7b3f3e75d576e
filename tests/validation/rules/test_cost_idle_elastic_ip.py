"""COST-002 (Idle Elastic IP): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.cost_idle_elastic_ip import RULE
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
            svc("elastic_ip", "region", "eip"),
            svc("ec2_instance", "public-a", "box"),
            connect("eip", "box", ConnectionKind.ATTACH),
        )
    ),
    bad=with_(svc("elastic_ip", "region", "eip")),
    expected=[(("eip",), "“Eip” is not attached to anything and is billed while idle")],
)


def test_cost_idle_elastic_ip() -> None:
    check_case(RULE, CASE)
