"""REL-029 (EFS mounted across AZs): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.rel_efs_mount_from_other_az import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _files_in(extra: list[str] | None) -> Build:
    return with_(
        svc("efs_file_system", "private-a", "files", extra),
        svc("autoscaling_group", "private-a", "web", ["private-b"]),
        connect("web", "files", ConnectionKind.READ_WRITE),
    )


CASE = Case(
    ok=_files_in(["private-b"]),
    bad=_files_in(None),
    expected=[(("web", "files"), "“Web” runs in us-east-1b, where “Files” has no mount target")],
)


def test_rel_efs_mount_from_other_az() -> None:
    check_case(RULE, CASE)
