"""SUS-013 (Backups kept forever): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.sus_backups_kept_forever import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("backup_vault", "region", "backups", delete_after_days=35)),
    bad=with_(svc("backup_vault", "region", "backups", delete_after_days=None)),
    expected=[(("backups",), "“Backups” keeps every backup forever: its plan sets no expiry")],
)


def test_sus_backups_kept_forever() -> None:
    check_case(RULE, CASE)
