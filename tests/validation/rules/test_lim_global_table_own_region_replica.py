"""LIM-067 (Global table replica in its own region): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.lim_global_table_own_region_replica import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(
        svc("dynamodb_table", "region", "orders", stream="NEW_AND_OLD_IMAGES", replica_regions=["eu-west-1"])
    ),
    bad=with_(
        svc(
            "dynamodb_table",
            "region",
            "orders",
            stream="NEW_AND_OLD_IMAGES",
            replica_regions=["us-east-1", "eu-west-1"],
        )
    ),
    expected=[(("orders",), "“Orders” lists its own region us-east-1 among its replicas")],
)


def test_lim_global_table_own_region_replica() -> None:
    check_case(RULE, CASE)
