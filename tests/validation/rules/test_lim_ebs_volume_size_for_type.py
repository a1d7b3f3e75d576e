"""LIM-069 (Volume size outside its type's range): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.lim_ebs_volume_size_for_type import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_


def _volumes(throughput: int, magnetic: int) -> Build:
    return with_(
        svc("ebs_volume", "private-a", "logs", volume_type="st1", volume_size_gb=throughput),
        svc("ebs_volume", "private-a", "legacy", volume_type="standard", volume_size_gb=magnetic),
        svc("ebs_volume", "private-a", "boot", volume_type="gp3", volume_size_gb=8),
    )


CASE = Case(
    ok=_volumes(throughput=500, magnetic=1024),
    bad=_volumes(throughput=100, magnetic=2048),
    expected=[
        (("legacy",), "“Legacy” is 2,048 GiB of standard; standard volumes hold at most 1,024 GiB"),
        (("logs",), "“Logs” is 100 GiB of st1; st1 volumes start at 125 GiB"),
    ],
)


def test_lim_ebs_volume_size_for_type() -> None:
    check_case(RULE, CASE)
