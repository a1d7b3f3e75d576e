"""OPS-021 (SES without bounce handling): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.ops_ses_without_bounce_handling import RULE
from tests.validation.builders import Case, both, check_case, connect, svc, with_

_MAIL = both(
    svc("lambda_function", "region", "mailer"),
    svc("ses_identity", "region", "mail"),
    svc("sns_topic", "region", "bounces"),
    connect("mailer", "mail", ConnectionKind.INVOKE),
)

CASE = Case(
    ok=with_(_MAIL, connect("mail", "bounces", ConnectionKind.EVENT)),
    bad=with_(_MAIL),
    expected=[(("mail",), "“Mail” sends e-mail but its bounces and complaints are not handled")],
)


def test_ops_ses_without_bounce_handling() -> None:
    check_case(RULE, CASE)
