"""SEC-013 (Instance exposed directly to the internet): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.sec_instance_directly_public import RULE
from tests.validation.builders import (
    Case,
    check_case,
    web,
    with_,
    world,
)

CASE = Case(
    ok=with_(web([world(80)], public_ip=False)),
    bad=with_(web([world(80)], public_ip=True)),
    expected=[(("web",), "“Web” accepts connections straight from the internet")],
)


def test_sec_instance_directly_public() -> None:
    check_case(RULE, CASE)
