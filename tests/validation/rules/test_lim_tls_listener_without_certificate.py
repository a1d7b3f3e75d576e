"""LIM-041 (HTTPS listener without a certificate): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.lim_tls_listener_without_certificate import RULE
from tests.validation.builders import Case, check_case, connect, svc, with_

_BALANCERS = (
    svc("acm_certificate", "region", "cert"),
    svc("alb", "public-a", "web-lb", ["public-b"], listener_protocol="HTTPS"),
    svc("nlb", "public-a", "tcp-lb", ["public-b"], listener_protocol="TCP"),
    svc("clb", "public-a", "legacy-lb", ["public-b"], listener_protocol="SSL"),
    connect("cert", "legacy-lb", ConnectionKind.ATTACH),
)

CASE = Case(
    ok=with_(*_BALANCERS, connect("cert", "web-lb", ConnectionKind.ATTACH)),
    bad=with_(*_BALANCERS),
    expected=[
        (
            ("web-lb",),
            "“Web-lb” listens on HTTPS but has no certificate attached; the export asks the deploy for the ARN of "
            "an issued one",
        )
    ],
)


def test_lim_tls_listener_without_certificate() -> None:
    check_case(RULE, CASE)
