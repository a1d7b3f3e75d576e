"""SEC-039 (Direct Connect traffic not encrypted): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.sec_direct_connect_unencrypted import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("direct_connect", "region", "dx"), svc("vpn_connection", "region", "overlay")),
    bad=with_(svc("direct_connect", "region", "dx")),
    expected=[(("dx",), "“Dx” carries traffic in clear: no VPN runs over it")],
)


def test_sec_direct_connect_unencrypted() -> None:
    check_case(RULE, CASE)
