"""The grants a writer to a Redshift cluster is exported with say how it reaches the cluster, not what it writes: the
connection comes back from the step the export leaves (granting the writes in SQL), from CloudFormation and from
Terraform, and `archbuilder diff` finds no difference between the export and the imported design."""

from __future__ import annotations

from pathlib import Path

import pytest

from archbuilder.importers.grant_kinds import statement_kind
from tests.exporters.test_warehouse_grants import FOLLOWING, loader
from tests.importers.round_trips import (
    assert_cli_round_trip_unchanged,
    assert_read_back_connected,
)

FLOWS = {("Loader", "Warehouse", "write"), ("Reporter", "Warehouse", "traffic")}


@pytest.mark.parametrize("fmt", ["cloudformation", "terraform"])
def test_the_write_comes_back(fmt: str, tmp_path: Path) -> None:
    assert_read_back_connected(loader, FLOWS, fmt, tmp_path)


@pytest.mark.parametrize("fmt", ["cloudformation", "terraform"])
def test_export_import_diff_finds_no_difference(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert_cli_round_trip_unchanged(loader(), fmt, tmp_path, capsys)


def test_reaching_a_cluster_says_no_connection_of_its_own() -> None:
    assert statement_kind(["redshift-data:BatchExecuteStatement", "redshift-data:ExecuteStatement"]) is None
    assert statement_kind(["redshift:GetClusterCredentialsWithIAM"]) is None
    assert statement_kind(FOLLOWING) is not None  # named on no resource: it connects to nothing either way
