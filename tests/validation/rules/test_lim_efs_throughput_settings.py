"""LIM-068 (EFS throughput settings that conflict): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.lim_efs_throughput_settings import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_


def _file_systems(mibps: int | None, performance: str) -> Build:
    return with_(
        svc(
            "efs_file_system",
            "private-a",
            "shared",
            ["private-b"],
            throughput_mode="provisioned",
            provisioned_throughput_mibps=mibps,
        ),
        svc(
            "efs_file_system",
            "private-a",
            "scratch",
            ["private-b"],
            throughput_mode="elastic",
            performance_mode=performance,
        ),
    )


CASE = Case(
    ok=_file_systems(mibps=128, performance="generalPurpose"),
    bad=_file_systems(mibps=None, performance="maxIO"),
    expected=[
        (
            ("scratch",),
            "“Scratch” combines Elastic throughput with Max I/O mode; Elastic needs General Purpose",
        ),
        (("shared",), "“Shared” uses provisioned throughput but provisions none"),
    ],
)


def test_lim_efs_throughput_settings() -> None:
    check_case(RULE, CASE)
