"""SEC-024 (SSH opened on a managed database): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.sec_ssh_rule_on_managed_database import RULE
from tests.validation.builders import Case, check_case, db, with_


def _rule(port: int) -> dict[str, object]:
    return {"protocol": "tcp", "from_port": port, "to_port": port, "cidr": "10.0.0.0/16"}


CASE = Case(
    ok=with_(db("private-a", ["private-b"], ingress=[_rule(5432)])),
    bad=with_(db("private-a", ["private-b"], ingress=[_rule(5432), _rule(22)])),
    expected=[(("db",), "“DB” opens port 22, but a managed database offers no SSH")],
)


def test_sec_ssh_rule_on_managed_database() -> None:
    check_case(RULE, CASE)
