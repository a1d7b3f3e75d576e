"""COST-025 (Backup vault protecting nothing): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.cost_backup_vault_without_resources import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _vault(protected: bool) -> Build:
    return with_(
        svc("backup_vault", "region", "vault"),
        svc("dynamodb_table", "region", "orders"),
        *([connect("orders", "vault", ConnectionKind.WRITE)] if protected else []),
    )


CASE = Case(
    ok=_vault(True), bad=_vault(False), expected=[(("vault",), "“Vault” has no resource backed up into it")]
)


def test_cost_backup_vault_without_resources() -> None:
    check_case(RULE, CASE)
