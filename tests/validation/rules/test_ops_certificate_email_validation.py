"""OPS-005 (Certificate validated by e-mail): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.ops_certificate_email_validation import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("acm_certificate", "region", "cert", validation_method="DNS")),
    bad=with_(svc("acm_certificate", "region", "cert", validation_method="EMAIL")),
    expected=[(("cert",), "“Cert” is validated by e-mail, so renewals wait for a person")],
)


def test_ops_certificate_email_validation() -> None:
    check_case(RULE, CASE)
