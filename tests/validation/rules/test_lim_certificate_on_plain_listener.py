"""LIM-092 (certificate on a plain listener): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.lim_certificate_on_plain_listener import RULE
from tests.validation.builders import Case, check_case, connect, svc, with_

_BALANCERS = (
    svc("acm_certificate", "region", "cert"),
    svc("alb", "public-a", "web-lb", ["public-b"], listener_protocol="HTTPS"),
    svc("clb", "public-a", "legacy-lb", ["public-b"], listener_protocol="SSL"),
    connect("cert", "web-lb", ConnectionKind.ATTACH),
    connect("cert", "legacy-lb", ConnectionKind.ATTACH),
)

CASE = Case(
    ok=with_(
        *_BALANCERS,
        svc("nlb", "public-a", "tcp-lb", ["public-b"], listener_protocol="TLS"),
        connect("cert", "tcp-lb", ConnectionKind.ATTACH),
        # A plain listener with no certificate is LIM-041's or nobody's business, not this rule's.
        svc("alb", "public-a", "plain-lb", ["public-b"], listener_protocol="HTTP"),
    ),
    bad=with_(
        *_BALANCERS,
        svc("nlb", "public-a", "tcp-lb", ["public-b"], listener_protocol="TCP"),
        connect("cert", "tcp-lb", ConnectionKind.ATTACH),
        svc("alb", "public-a", "plain-lb", ["public-b"], listener_protocol="HTTP"),
        connect("cert", "plain-lb", ConnectionKind.ATTACH),
    ),
    expected=[
        (
            ("cert", "plain-lb"),
            "Certificate “Cert” is attached to “Plain-lb”, whose listener is plain HTTP: nothing uses the "
            "certificate (the export writes its HTTP listener without it) and the traffic to the balancer is not "
            "encrypted by it; set the listener to HTTPS to terminate TLS with it",
        ),
        (
            ("cert", "tcp-lb"),
            "Certificate “Cert” is attached to “Tcp-lb”, whose listener is plain TCP: nothing uses the certificate "
            "(the export writes its TCP listener without it) and the traffic to the balancer is not encrypted by it; "
            "set the listener to TLS to terminate TLS with it",
        ),
    ],
)


def test_lim_certificate_on_plain_listener() -> None:
    check_case(RULE, CASE)
