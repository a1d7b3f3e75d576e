"""REL-037 (Custom network ACL that denies all traffic): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_nacl_denies_everything import RULE
from tests.validation.builders import Case, check_case, svc, with_

_HTTPS_IN = [{"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr": "0.0.0.0/0"}]

CASE = Case(
    ok=with_(svc("network_acl", "vpc", "acl", allow_inbound=_HTTPS_IN)),
    bad=with_(svc("network_acl", "vpc", "acl", allow_inbound=[])),
    expected=[(("acl",), "“Acl” has no inbound allow rule, so it denies all inbound traffic")],
)


def test_rel_nacl_denies_everything() -> None:
    check_case(RULE, CASE)
