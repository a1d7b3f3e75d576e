"""SUS-006 (EFS without lifecycle management): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.sus_efs_without_lifecycle import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("efs_file_system", "private-a", "files", ["private-b"], transition_to_ia="AFTER_30_DAYS")),
    bad=with_(svc("efs_file_system", "private-a", "files", ["private-b"], transition_to_ia="NONE")),
    expected=[
        (("files",), "“Files” keeps every file in the Standard class: no transition to Infrequent Access")
    ],
)


def test_sus_efs_without_lifecycle() -> None:
    check_case(RULE, CASE)
