"""PERF-010 (Small gp2 volume): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation import validate
from archbuilder.validation.rules.perf_small_gp2_volume import RULE
from tests.validation.builders import Case, check_case, db, svc, with_

CASE = Case(
    ok=with_(
        svc("ec2_instance", "private-a", "box", volume_type="gp3", volume_size_gb=20),
        db("private-a", ["private-b"], storage_type="gp3", allocated_storage_gb=200),
    ),
    bad=with_(
        svc("ec2_instance", "private-a", "box", volume_type="gp2", volume_size_gb=20),
        db("private-a", ["private-b"], storage_type="gp2", allocated_storage_gb=200),
    ),
    expected=[
        (
            ("box",),
            "“Box” has a 20 GiB gp2 volume with a baseline of 100 IOPS; gp3 gives 3,000 IOPS at any size",
        ),
        (
            ("db",),
            "“DB” has a 200 GiB gp2 volume with a baseline of 600 IOPS; gp3 gives 3,000 IOPS at any size",
        ),
    ],
)


def test_perf_small_gp2_volume() -> None:
    check_case(RULE, CASE)


def test_a_large_gp2_volume_already_reaches_the_gp3_baseline() -> None:
    arch = with_(svc("ebs_volume", "private-a", "disk", volume_type="gp2", volume_size_gb=1000))()
    assert validate(arch, [RULE]).findings == []


def test_opensearch_data_volumes_count_too() -> None:
    arch = with_(svc("opensearch_domain", "region", "search", volume_type="gp2", volume_size_gb=100))()
    assert [(f.node_ids, f.message) for f in validate(arch, [RULE]).findings] == [
        (
            ("search",),
            "“Search” has a 100 GiB gp2 volume with a baseline of 300 IOPS; gp3 gives 3,000 IOPS at any size",
        )
    ]
