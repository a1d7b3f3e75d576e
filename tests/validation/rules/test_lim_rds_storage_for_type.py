"""LIM-066 (Database storage outside its limits): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.lim_rds_storage_for_type import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_


def _databases(piops: int, sqlserver: int) -> Build:
    return with_(
        svc(
            "rds_instance",
            "private-a",
            "orders",
            ["private-b"],
            storage_type="io1",
            allocated_storage_gb=piops,
        ),
        svc(
            "rds_instance",
            "private-a",
            "ledger",
            ["private-b"],
            engine="sqlserver-ee",
            allocated_storage_gb=sqlserver,
        ),
    )


CASE = Case(
    ok=_databases(piops=100, sqlserver=16384),
    bad=_databases(piops=50, sqlserver=20000),
    expected=[
        (("ledger",), "“Ledger” asks for 20,000 GiB; SQL Server databases on RDS hold at most 16,384 GiB"),
        (("orders",), "“Orders” has 50 GiB of io1; Provisioned IOPS storage starts at 100 GiB"),
    ],
)


def test_lim_rds_storage_for_type() -> None:
    check_case(RULE, CASE)
