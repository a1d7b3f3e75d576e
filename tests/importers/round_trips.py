"""Helpers of the round-trip tests: a design exported to CloudFormation or Terraform and imported, its services and
connections by label, and what deleting a service takes from the written-back template."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from archbuilder.cli.main import main
from archbuilder.exporters.cloudformation.source_template import cloudformation_template
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.terraform.files import render
from archbuilder.importers.cloudformation import ImportReport, import_template
from archbuilder.importers.terraform import import_terraform
from archbuilder.model import Architecture, RegionNode, save


def imported(template: dict[str, Any], folder: Path) -> tuple[Architecture, ImportReport]:
    path = folder / "template.json"
    path.write_text(json.dumps(template))
    return import_template(path)


def terraform_imported(files: dict[str, str], folder: Path) -> tuple[Architecture, ImportReport]:
    """The design imported from these Terraform files (an export's render()), written into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return import_terraform(folder)


def assert_written_back(arch: Architecture, template: dict[str, Any]) -> None:
    """The imported design writes its template back as it was, and so does the design itself without the source
    it was imported from: it came back whole, not only kept."""
    assert cloudformation_template(arch) == template
    arch.set_imported_source(None)
    assert build_template(arch) == template


def assert_read_back_connected(
    build: Callable[[], Architecture], flows: set[tuple[str, str, str]], fmt: str, folder: Path
) -> None:
    """The design `build` makes, exported in `fmt` and imported: nothing generic, no warning, exactly `flows`
    connected (as the design draws them), and the export written back as it was (the template, or the .tf files)."""
    if fmt == "cloudformation":
        template = build_template(build())
        arch, report = imported(template, folder)
    else:
        files = render(build())
        arch, report = terraform_imported(files, folder)
    assert report.generic == [] and report.warnings == []
    assert connections(build()) == connections(arch) == flows
    if fmt == "cloudformation":
        assert_written_back(arch, template)
    else:
        assert render(arch) == files


def assert_cli_round_trip_unchanged(
    design: Architecture, fmt: str, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As a user would check it: `archbuilder export` in `fmt`, `import` of what it wrote, and `diff` of the
    export and the imported design finds no difference."""
    saved = folder / "design.arch.json"
    save(design, saved)
    first = folder / "first"
    assert main(["export", str(saved), "--format", fmt, "-o", str(first), "--quiet"]) == 0
    exported = first if fmt == "terraform" else next(first.iterdir())
    again = folder / "imported.arch.json"
    assert main(["import", str(exported), "-o", str(again)]) == 0
    capsys.readouterr()
    assert main(["diff", str(exported), str(again)]) == 0
    assert capsys.readouterr().out == f"no difference between {exported} and {again}\n"


def container(arch: Architecture, node_id: str | None) -> str:
    """A VPC or subnet by its label; the region (which an import names by its code) as `region`."""
    if node_id is None:
        return "global"
    node = arch.node(node_id)
    return "region" if isinstance(node, RegionNode) else node.label


def places(arch: Architecture, label: str) -> list[tuple[str, ...]]:
    """Where each service of that label sits: its container and those of its other subnets."""
    return sorted(
        (container(arch, node.parent_id), *(container(arch, s) for s in node.extra_subnet_ids))
        for node in arch.services()
        if node.label == label
    )


def services(arch: Architecture, types: set[str]) -> dict[str, tuple[str, list[str], dict[str, Any]]]:
    """label -> (type, where it is: its parent and extra subnets, properties) of the services of `types`."""
    return {
        node.label: (
            node.type,
            [container(arch, node.parent_id), *(container(arch, s) for s in node.extra_subnet_ids)],
            dict(node.properties),
        )
        for node in arch.services()
        if node.type in types
    }


def connections(arch: Architecture) -> set[tuple[str, str, str]]:
    """(source label, target label, kind) of every connection."""
    return {
        (arch.node(c.source_id).label, arch.node(c.target_id).label, c.kind.value)
        for c in arch.connections.values()
    }


def after_deleting(design: Architecture, label: str, folder: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """(the design's template, the template written back after its import lost the service `label`)."""
    template = build_template(design)
    arch, _report = imported(template, folder)
    [node] = [n for n in arch.services() if n.label == label]
    arch.remove_node(node.id)
    return template, cloudformation_template(arch)
