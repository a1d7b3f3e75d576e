"""REL-030 (EBS volume without backups): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.rel_ebs_without_backup import RULE
from tests.validation.builders import Case, check_case, connect, svc, with_

_DISK = svc("ebs_volume", "private-a", "disk")

CASE = Case(
    ok=with_(_DISK, svc("backup_vault", "region", "vault"), connect("disk", "vault", ConnectionKind.WRITE)),
    bad=with_(_DISK),
    expected=[(("disk",), "“Disk” has no backup: no backup vault covers it")],
)


def test_rel_ebs_without_backup() -> None:
    check_case(RULE, CASE)
