"""REL-012 (File system mounted in one AZ): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_efs_single_az import RULE
from tests.validation.builders import (
    Case,
    check_case,
    svc,
    with_,
)

CASE = Case(
    ok=with_(svc("efs_file_system", "private-a", "files", ["private-b"])),
    bad=with_(svc("efs_file_system", "private-a", "files")),
    expected=[(("files",), "“Files” has mount targets in one availability zone only")],
)


def test_rel_efs_single_az() -> None:
    check_case(RULE, CASE)
