"""OPS-034 (Certificate attached to nothing): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.ops_certificate_unused import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _certificate(used: bool) -> Build:
    return with_(
        svc("acm_certificate", "region", "cert"),
        svc("alb", "public-a", "web", ["public-b"]),
        *([connect("cert", "web", ConnectionKind.ATTACH)] if used else []),
    )


CASE = Case(
    ok=_certificate(True), bad=_certificate(False), expected=[(("cert",), "“Cert” is attached to nothing")]
)


def test_ops_certificate_unused() -> None:
    check_case(RULE, CASE)
