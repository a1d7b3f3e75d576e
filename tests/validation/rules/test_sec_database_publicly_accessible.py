"""SEC-048 (Database set to publicly accessible): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.sec_database_publicly_accessible import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("redshift_cluster", "private-a", "dw", ["private-b"], publicly_accessible=False)),
    bad=with_(svc("redshift_cluster", "private-a", "dw", ["private-b"], publicly_accessible=True)),
    expected=[(("dw",), "“Dw” is set to publicly accessible")],
)


def test_sec_database_publicly_accessible() -> None:
    check_case(RULE, CASE)
