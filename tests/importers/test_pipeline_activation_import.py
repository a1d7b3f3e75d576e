"""The grant to activate a Data Pipeline pipeline comes back as the call it was exported for (the roles passed to
the pipeline fold into it and say nothing of their own), from CloudFormation and from Terraform, and `archbuilder
diff` finds no difference between the export and the imported design."""

from __future__ import annotations

from pathlib import Path

import pytest

from archbuilder.catalog import ConnectionKind as K
from archbuilder.importers.grant_kinds import statement_kind
from tests.exporters.test_pipeline_activation import pipeline_starter
from tests.importers.round_trips import (
    assert_cli_round_trip_unchanged,
    assert_read_back_connected,
)

FLOWS = {
    ("Nightly copy", "Lake", "read"),
    ("Nightly copy", "Curated", "write"),
    ("Starter", "Nightly copy", "invoke"),
}


@pytest.mark.parametrize("fmt", ["cloudformation", "terraform"])
def test_the_activation_grant_comes_back_as_the_call(fmt: str, tmp_path: Path) -> None:
    assert_read_back_connected(pipeline_starter, FLOWS, fmt, tmp_path)


@pytest.mark.parametrize("fmt", ["cloudformation", "terraform"])
def test_export_import_diff_finds_no_difference(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert_cli_round_trip_unchanged(pipeline_starter(), fmt, tmp_path, capsys)


def test_activating_a_pipeline_is_a_call() -> None:
    assert statement_kind(["datapipeline:ActivatePipeline", "datapipeline:DescribePipelines"]) is K.INVOKE
