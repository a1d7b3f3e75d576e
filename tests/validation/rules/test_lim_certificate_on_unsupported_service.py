"""LIM-039 (ACM certificate on a service that cannot use it): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.lim_certificate_on_unsupported_service import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _certificate_on(target: str) -> Build:
    return with_(
        svc("acm_certificate", "region", "cert"),
        svc("alb", "public-a", "web-lb", ["public-b"]),
        svc("ec2_instance", "public-a", "web"),
        svc("kms_key", "region", "key"),
        connect("cert", target, ConnectionKind.ATTACH),
        connect("key", "web", ConnectionKind.ATTACH),
    )


CASE = Case(
    ok=_certificate_on("web-lb"),
    bad=_certificate_on("web"),
    expected=[
        (
            ("cert", "web"),
            "Certificate “Cert” is attached to “Web”, but ACM certificates can only be used by the services "
            "integrated with ACM (load balancers, CloudFront, API Gateway)",
        )
    ],
)


def test_lim_certificate_on_unsupported_service() -> None:
    check_case(RULE, CASE)
