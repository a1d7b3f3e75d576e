"""The grant to activate a Data Pipeline pipeline comes back as the call it was exported for (the roles passed to
the pipeline fold into it and say nothing of their own), from CloudFormation and from Terraform, and `archbuilder
diff` finds no difference between the export and the imported design."""

from __future__ import annotations

from pathlib import Path

import pytest

from archbuilder.catalog import ConnectionKind as K
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.terraform.files import render
from archbuilder.importers.grant_kinds import statement_kind
from tests.exporters.test_pipeline_activation import pipeline_starter
from tests.importers.round_trips import (
    assert_cli_round_trip_unchanged,
    assert_written_back,
    connections,
    imported,
    terraform_imported,
)

FLOWS = {
    ("Nightly copy", "Lake", "read"),
    ("Nightly copy", "Curated", "write"),
    ("Starter", "Nightly copy", "invoke"),
}


def test_the_activation_grant_comes_back_from_cloudformation_as_the_call(tmp_path: Path) -> None:
    template = build_template(pipeline_starter())
    arch, report = imported(template, tmp_path)
    assert report.generic == [] and report.warnings == []
    assert connections(pipeline_starter()) == connections(arch) == FLOWS
    assert_written_back(arch, template)


def test_the_activation_grant_comes_back_from_terraform_as_the_call(tmp_path: Path) -> None:
    files = render(pipeline_starter())
    arch, report = terraform_imported(files, tmp_path)
    assert report.generic == [] and report.warnings == []
    assert connections(arch) == FLOWS
    assert render(arch) == files


@pytest.mark.parametrize("fmt", ["cloudformation", "terraform"])
def test_export_import_diff_finds_no_difference(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert_cli_round_trip_unchanged(pipeline_starter(), fmt, tmp_path, capsys)


def test_activating_a_pipeline_is_a_call() -> None:
    assert statement_kind(["datapipeline:ActivatePipeline", "datapipeline:DescribePipelines"]) is K.INVOKE
