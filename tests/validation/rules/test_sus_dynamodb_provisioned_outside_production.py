"""SUS-012 (Provisioned DynamoDB capacity outside production): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.model import Environment
from archbuilder.validation import validate
from archbuilder.validation.rules.sus_dynamodb_provisioned_outside_production import RULE
from tests.validation.builders import Case, check_case, environment, svc, with_

_DEV = environment(Environment.DEVELOPMENT)

CASE = Case(
    ok=with_(svc("dynamodb_table", "region", "orders", billing_mode="PAY_PER_REQUEST"), _DEV),
    bad=with_(
        svc(
            "dynamodb_table",
            "region",
            "orders",
            billing_mode="PROVISIONED",
            read_capacity=50,
            write_capacity=20,
        ),
        _DEV,
    ),
    expected=[(("orders",), "“Orders” reserves 50 read and 20 write units in a development design")],
)


def test_sus_dynamodb_provisioned_outside_production() -> None:
    check_case(RULE, CASE)


def test_production_tables_may_provision_capacity() -> None:
    arch = with_(svc("dynamodb_table", "region", "orders", billing_mode="PROVISIONED"))()
    assert validate(arch, [RULE]).findings == []
