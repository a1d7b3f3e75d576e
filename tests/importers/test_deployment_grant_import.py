"""The grant to deploy a CodeDeploy application comes back as the call it was exported for (the deployment group
folds into the application), from CloudFormation and from Terraform, and `archbuilder diff` finds no difference
between the export and the imported design."""

from __future__ import annotations

from pathlib import Path

import pytest

from archbuilder.catalog import ConnectionKind as K
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.terraform.files import render
from archbuilder.importers.grant_kinds import statement_kind
from tests.exporters.test_deployment_grants import ACTIONS, releaser
from tests.importers.round_trips import (
    assert_cli_round_trip_unchanged,
    assert_read_back_connected,
    connections,
    imported,
    terraform_imported,
)

FLOWS = {("Release", "App", "deploy"), ("Releaser", "Release", "invoke")}


@pytest.mark.parametrize("fmt", ["cloudformation", "terraform"])
def test_the_deployment_grant_comes_back_as_the_call(fmt: str, tmp_path: Path) -> None:
    assert_read_back_connected(releaser, FLOWS, fmt, tmp_path)


@pytest.mark.parametrize("fmt", ["cloudformation", "terraform"])
def test_export_import_diff_finds_no_difference(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert_cli_round_trip_unchanged(releaser(), fmt, tmp_path, capsys)


def test_deploying_an_application_is_a_call() -> None:
    assert statement_kind(ACTIONS) is K.INVOKE


@pytest.mark.parametrize("fmt", ["cloudformation", "terraform"])
def test_a_call_left_to_do_by_hand_comes_back_from_its_step(fmt: str, tmp_path: Path) -> None:
    """The ECS application's deployment group is not written: the call waits in a step naming it."""
    design = releaser(ecs=True)
    if fmt == "terraform":
        arch, _report = terraform_imported(render(design), tmp_path)
    else:
        arch, _report = imported(build_template(design), tmp_path)
    assert connections(arch) == FLOWS | {("Releaser", "Containers", "invoke")}
