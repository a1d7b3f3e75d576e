"""REL-054 (EFS file system without backups): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_efs_without_backup import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_


def _file_system(backup: bool) -> Build:
    return with_(svc("efs_file_system", "private-a", "shared", ["private-b"], backup_enabled=backup))


CASE = Case(
    ok=_file_system(True),
    bad=_file_system(False),
    expected=[(("shared",), "“Shared” has automatic backups turned off")],
)


def test_rel_efs_without_backup() -> None:
    check_case(RULE, CASE)
