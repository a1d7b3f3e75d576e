"""PERF-014 (EFS in Max I/O mode for a few clients): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation import validate
from archbuilder.validation.rules.perf_efs_max_io import RULE
from tests.validation.builders import Case, both, check_case, connect, svc, with_

_CLIENT = both(svc("ec2_instance", "private-a", "box"), connect("box", "files", ConnectionKind.READ_WRITE))

CASE = Case(
    ok=with_(
        svc("efs_file_system", "private-a", "files", ["private-b"], performance_mode="generalPurpose"),
        _CLIENT,
    ),
    bad=with_(svc("efs_file_system", "private-a", "files", ["private-b"], performance_mode="maxIO"), _CLIENT),
    expected=[
        (("files",), "“Files” uses Max I/O mode, which adds latency, with no fleet of clients to need it")
    ],
)


def test_perf_efs_max_io() -> None:
    check_case(RULE, CASE)


def test_a_scaling_fleet_of_clients_may_need_max_io() -> None:
    arch = with_(
        svc("efs_file_system", "private-a", "files", ["private-b"], performance_mode="maxIO"),
        svc("autoscaling_group", "private-a", "render", ["private-b"]),
        connect("render", "files", ConnectionKind.READ_WRITE),
    )()
    assert validate(arch, [RULE]).findings == []
