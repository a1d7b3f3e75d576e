"""LIM-028 (Provisioned IOPS beyond the volume's size): ok and bad fixtures, exact findings.

io2 volumes are io2 Block Express volumes: 1,000 IOPS per GiB up to 256,000 (a 100 GiB volume at 80,000 IOPS is
valid).
"""

from __future__ import annotations

from archbuilder.validation.rules.lim_ebs_iops_per_size import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_


def _volumes(io1_iops: int, io1_big_iops: int, io2_iops: int, io2_big_iops: int) -> Build:
    return with_(
        svc("ebs_volume", "private-a", "data", volume_type="io1", volume_size_gb=100, iops=io1_iops),
        svc("ebs_volume", "private-a", "ledger", volume_type="io1", volume_size_gb=2000, iops=io1_big_iops),
        svc("ebs_volume", "private-a", "logs", volume_type="io2", volume_size_gb=100, iops=io2_iops),
        svc("ebs_volume", "private-a", "oltp", volume_type="io2", volume_size_gb=4000, iops=io2_big_iops),
        svc("ebs_volume", "private-a", "scratch", volume_type="gp3", volume_size_gb=20, iops=6000),
    )


CASE = Case(
    ok=_volumes(io1_iops=5000, io1_big_iops=64000, io2_iops=80000, io2_big_iops=256000),
    bad=_volumes(io1_iops=6000, io1_big_iops=80000, io2_iops=120000, io2_big_iops=300000),
    expected=[
        (
            ("data",),
            "“Data” asks for 6,000 IOPS on 100 GiB of io1, which allows at most 5,000 (50 IOPS per GiB)",
        ),
        (("ledger",), "“Ledger” asks for 80,000 IOPS; an io1 volume gives at most 64,000"),
        (
            ("logs",),
            "“Logs” asks for 120,000 IOPS on 100 GiB of io2, which allows at most 100,000 (1,000 IOPS per GiB)",
        ),
        (("oltp",), "“Oltp” asks for 300,000 IOPS; an io2 volume gives at most 256,000"),
    ],
)


def test_lim_ebs_iops_per_size() -> None:
    check_case(RULE, CASE)
