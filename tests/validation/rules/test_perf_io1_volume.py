"""PERF-009 (Previous-generation io1 volume): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.perf_io1_volume import RULE
from tests.validation.builders import Case, check_case, db, svc, with_

CASE = Case(
    ok=with_(
        svc("ebs_volume", "private-a", "disk", volume_type="io2", iops=6000), db("private-a", ["private-b"])
    ),
    bad=with_(
        svc("ebs_volume", "private-a", "disk", volume_type="io1", iops=6000),
        db("private-a", ["private-b"], storage_type="io1"),
    ),
    expected=[
        (("db",), "“DB” uses io1 storage; io2 costs the same with more IOPS per GiB and durability"),
        (("disk",), "“Disk” uses io1 storage; io2 costs the same with more IOPS per GiB and durability"),
    ],
)


def test_perf_io1_volume() -> None:
    check_case(RULE, CASE)
