"""REL-047 (No deregistration delay): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_connections_cut_on_deregistration import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_


def _balancers(delay: int, draining: bool) -> Build:
    return with_(
        svc("alb", "public-a", "web-lb", ["public-b"], deregistration_delay_seconds=delay),
        svc("clb", "public-a", "legacy-lb", ["public-b"], connection_draining=draining),
    )


CASE = Case(
    ok=_balancers(30, True),
    bad=_balancers(0, False),
    expected=[
        (("legacy-lb",), "“Legacy-lb” closes connections to a target the moment it deregisters"),
        (("web-lb",), "“Web-lb” closes connections to a target the moment it deregisters"),
    ],
)


def test_rel_connections_cut_on_deregistration() -> None:
    check_case(RULE, CASE)
