"""What a vault's backup plan selects comes back as written to the vault, whatever the service (an RDS instance, an
Aurora, Neptune or DocumentDB cluster, a Redshift cluster, an FSx file system, an EC2 instance, an EBS volume, a
DynamoDB table, an EFS file system, a bucket), from CloudFormation and from Terraform; `archbuilder diff` finds no
difference between the export and the imported design."""

from __future__ import annotations

from pathlib import Path

import pytest

from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.terraform.files import render
from tests.exporters.test_backup_selection import NOT_BACKED_UP, SOURCES, backed_up
from tests.importers.round_trips import (
    assert_cli_round_trip_unchanged,
    assert_read_back_connected,
    connections,
    imported,
    terraform_imported,
)

FLOWS = {(label, "Vault", "write") for _kind, label, _props, _spread in SOURCES if label not in NOT_BACKED_UP}


@pytest.mark.parametrize("fmt", ["cloudformation", "terraform"])
def test_the_selection_comes_back_as_written_to_the_vault(fmt: str, tmp_path: Path) -> None:
    assert_read_back_connected(lambda: backed_up(protected_only=True), FLOWS, fmt, tmp_path)


@pytest.mark.parametrize("fmt", ["cloudformation", "terraform"])
def test_export_import_diff_finds_no_difference(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert_cli_round_trip_unchanged(backed_up(protected_only=True), fmt, tmp_path, capsys)


@pytest.mark.parametrize("fmt", ["cloudformation", "terraform"])
def test_what_aws_backup_cannot_back_up_comes_back_from_the_step_it_leaves(fmt: str, tmp_path: Path) -> None:
    """Its step names the vault: the connection comes back as drawn; the vault's key, attached to it, is something
    the export writes nothing for and says nothing of."""
    design = backed_up()
    if fmt == "terraform":
        arch, _report = terraform_imported(render(design), tmp_path)
    else:
        arch, _report = imported(build_template(design), tmp_path)
    assert connections(arch) == connections(design) - {("Vault key", "Vault", "attach")}
    assert {(label, "Vault", "write") for label in NOT_BACKED_UP} <= connections(arch)
