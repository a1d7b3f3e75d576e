"""SEC-050 (All ports open to an address range): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.sec_all_ports_open import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_


def _group(ports: tuple[int, int]) -> Build:
    rule = {"protocol": "tcp", "from_port": ports[0], "to_port": ports[1], "cidr": "10.0.0.0/16"}
    return with_(svc("security_group", "vpc", "app-sg", ingress=[rule]))


CASE = Case(
    ok=_group((8080, 8080)),
    bad=_group((0, 65535)),
    expected=[(("app-sg",), "“App-sg” accepts every port from 10.0.0.0/16")],
)


def test_sec_all_ports_open() -> None:
    check_case(RULE, CASE)
