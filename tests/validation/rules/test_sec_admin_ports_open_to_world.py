"""SEC-001 (SSH or RDP open to the world): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.sec_admin_ports_open_to_world import RULE
from tests.validation.builders import (
    Case,
    check_case,
    web,
    with_,
    world,
)

CASE = Case(
    ok=with_(web([world(443)])),
    bad=with_(web([world(22), world(3389)])),
    expected=[(("web",), "“Web” allows SSH and RDP from 0.0.0.0/0")],
)


def test_sec_admin_ports_open_to_world() -> None:
    check_case(RULE, CASE)
