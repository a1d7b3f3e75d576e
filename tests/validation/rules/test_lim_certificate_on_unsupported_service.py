"""LIM-039 (ACM certificate on a service that cannot use it): ok and bad fixtures, exact findings.

OpenSearch custom endpoints use ACM certificates, and an exportable certificate may be installed on an instance.
"""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.lim_certificate_on_unsupported_service import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _certificates(exportable: bool) -> Build:
    return with_(
        svc("acm_certificate", "region", "cert"),
        svc("acm_certificate", "region", "search-cert"),
        svc("acm_certificate", "region", "server-cert", exportable=exportable),
        svc("alb", "public-a", "web-lb", ["public-b"]),
        svc("opensearch_domain", "private-a", "search", ["private-b"]),
        svc("ec2_instance", "public-a", "web"),
        svc("kms_key", "region", "key"),
        connect("cert", "web-lb", ConnectionKind.ATTACH),
        connect("search-cert", "search", ConnectionKind.ATTACH),
        connect("server-cert", "web", ConnectionKind.ATTACH),
        connect("key", "web", ConnectionKind.ATTACH),
    )


CASE = Case(
    ok=_certificates(exportable=True),
    bad=_certificates(exportable=False),
    expected=[
        (
            ("server-cert", "web"),
            "Certificate “Server-cert” is attached to “Web”, but a certificate that cannot be exported is used only "
            "by the services integrated with ACM (load balancers, CloudFront, API Gateway, Cognito, OpenSearch, "
            "Elastic Beanstalk)",
        )
    ],
)


def test_lim_certificate_on_unsupported_service() -> None:
    check_case(RULE, CASE)
