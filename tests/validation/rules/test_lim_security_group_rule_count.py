"""LIM-070 (More inbound rules than a security group holds): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.lim_security_group_rule_count import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_


def _group(rules: int) -> Build:
    ingress = [
        {"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr": f"10.1.{n}.0/24"} for n in range(rules)
    ]
    return with_(svc("security_group", "vpc", "partners", ingress=ingress))


CASE = Case(
    ok=_group(60),
    bad=_group(61),
    expected=[(("partners",), "“Partners” declares 61 inbound rules; a security group holds 60 by default")],
)


def test_lim_security_group_rule_count() -> None:
    check_case(RULE, CASE)
