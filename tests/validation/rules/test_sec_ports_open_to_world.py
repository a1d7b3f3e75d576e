"""SEC-002 (Non-listener ports open to the world): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.validation import validate
from archbuilder.validation.rules.sec_ports_open_to_world import RULE
from tests.validation.builders import (
    Case,
    check_case,
    svc,
    web,
    with_,
    world,
)

CASE = Case(
    ok=with_(web([world(80), world(443)])),
    bad=with_(
        web([world(443), {"protocol": "tcp", "from_port": 8000, "to_port": 8080, "cidr": "0.0.0.0/0"}])
    ),
    expected=[(("web",), "“Web” is open to 0.0.0.0/0 on 8000-8080")],
)


def test_sec_ports_open_to_world() -> None:
    check_case(RULE, CASE)


def test_a_load_balancers_own_listener_port_may_be_open_to_the_world() -> None:
    mqtt = {"protocol": "tcp", "from_port": 8883, "to_port": 8883, "cidr": "0.0.0.0/0"}
    arch = with_(
        svc("nlb", "public-a", "nlb", ["public-b"], internet_facing=True, listener_port=8883, ingress=[mqtt])
    )()
    assert validate(arch, [RULE]).findings == []
    arch.set_property("nlb", "listener_port", 1883)
    assert [f.message for f in validate(arch, [RULE]).findings] == ["“Nlb” is open to 0.0.0.0/0 on 8883"]
