"""LIM-065 (SQL Server edition without Multi-AZ): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.lim_sqlserver_edition_multi_az import RULE
from tests.validation.builders import Case, check_case, db, with_

CASE = Case(
    ok=with_(db("private-a", ["private-b"], engine="sqlserver-se", multi_az=True)),
    bad=with_(db("private-a", ["private-b"], engine="sqlserver-web", multi_az=True)),
    expected=[(("db",), "“DB” is SQL Server Web, which RDS cannot deploy Multi-AZ")],
)


def test_lim_sqlserver_edition_multi_az() -> None:
    check_case(RULE, CASE)
