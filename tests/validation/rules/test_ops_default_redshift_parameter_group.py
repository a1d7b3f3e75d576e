"""OPS-008 (Redshift on the default parameter group): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.ops_default_redshift_parameter_group import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("redshift_cluster", "private-a", "warehouse", ["private-b"], custom_parameter_group=True)),
    bad=with_(svc("redshift_cluster", "private-a", "warehouse", ["private-b"], custom_parameter_group=False)),
    expected=[
        (("warehouse",), "“Warehouse” uses the default cluster parameter group, which cannot be changed")
    ],
)


def test_ops_default_redshift_parameter_group() -> None:
    check_case(RULE, CASE)
