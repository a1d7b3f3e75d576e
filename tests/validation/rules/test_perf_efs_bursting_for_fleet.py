"""PERF-021 (Bursting file system for a scaling fleet): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.perf_efs_bursting_for_fleet import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _shared(mode: str) -> Build:
    return with_(
        svc("efs_file_system", "private-a", "media", ["private-b"], throughput_mode=mode),
        svc("autoscaling_group", "private-a", "web", ["private-b"]),
        connect("web", "media", ConnectionKind.READ_WRITE),
    )


CASE = Case(
    ok=_shared("elastic"),
    bad=_shared("bursting"),
    expected=[
        (
            ("media", "web"),
            "“Media” uses bursting throughput, which grows with the data stored, for “Web”, which grows with load",
        )
    ],
)


def test_perf_efs_bursting_for_fleet() -> None:
    check_case(RULE, CASE)
