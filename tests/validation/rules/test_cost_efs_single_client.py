"""COST-013 (EFS file system with a single client): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.cost_efs_single_client import RULE
from tests.validation.builders import Case, check_case, connect, svc, with_

_FILES = svc("efs_file_system", "private-a", "files", ["private-b"])

CASE = Case(
    ok=with_(
        _FILES,
        svc("ec2_instance", "private-a", "one"),
        svc("ec2_instance", "private-b", "two"),
        connect("one", "files", ConnectionKind.READ_WRITE),
        connect("two", "files", ConnectionKind.READ_WRITE),
    ),
    bad=with_(
        _FILES, svc("ec2_instance", "private-a", "one"), connect("one", "files", ConnectionKind.READ_WRITE)
    ),
    expected=[(("files", "one"), "“Files” is used only by “One”; EFS costs about three times gp2 EBS")],
)


def test_cost_efs_single_client() -> None:
    check_case(RULE, CASE)
