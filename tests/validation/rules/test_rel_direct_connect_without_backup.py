"""REL-066 (Direct Connect without a backup link): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_direct_connect_without_backup import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_


def _links(backup: bool) -> Build:
    return with_(
        svc("direct_connect", "region", "dx", location="EqDC2"),
        *([svc("vpn_connection", "region", "backup")] if backup else []),
    )


CASE = Case(
    ok=_links(backup=True),
    bad=_links(backup=False),
    expected=[
        (
            ("dx",),
            "“Dx” is the only link to the data center: no second connection or VPN takes over if it fails",
        )
    ],
)


def test_rel_direct_connect_without_backup() -> None:
    check_case(RULE, CASE)
