"""REL-036 (Network ACL without outbound rules for replies): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_nacl_blocks_replies import RULE
from tests.validation.builders import Case, check_case, svc, with_

_HTTPS_IN = [{"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr": "0.0.0.0/0"}]

CASE = Case(
    ok=with_(svc("network_acl", "vpc", "acl", allow_inbound=_HTTPS_IN, allow_all_outbound=True)),
    bad=with_(svc("network_acl", "vpc", "acl", allow_inbound=_HTTPS_IN, allow_all_outbound=False)),
    expected=[(("acl",), "“Acl” allows inbound traffic but no outbound replies")],
)


def test_rel_nacl_blocks_replies() -> None:
    check_case(RULE, CASE)
