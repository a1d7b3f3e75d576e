"""The mounts of an EFS file system the export writes come back as the reads and writes they were drawn as: the
access point folds into the file system, the security group rule on NFS's port the mount writes is no traffic
connection of its own, and the grants say read or write; from CloudFormation and from Terraform, and
`archbuilder diff` finds no difference between the export and the imported design."""

from __future__ import annotations

from pathlib import Path

import pytest

from archbuilder.catalog import ConnectionKind as K
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.terraform.files import render
from tests.exporters.test_file_mounts import mount_clients
from tests.importers.round_trips import (
    assert_cli_round_trip_unchanged,
    assert_written_back,
    connections,
    imported,
    terraform_imported,
)

FLOWS = {("Writer", "Shared", "write"), ("Reader", "Shared", "read")}


def test_the_mounts_come_back_from_cloudformation(tmp_path: Path) -> None:
    template = build_template(mount_clients())
    arch, report = imported(template, tmp_path)
    assert report.generic == [] and report.warnings == []
    assert {node.label for node in arch.services()} == {"Writer", "Reader", "Shared", "Cluster"}
    assert connections(arch) - {("Reader", "Cluster", "attach")} == FLOWS
    assert arch.imported is not None
    shared = next(node.id for node in arch.services() if node.label == "Shared")
    assert arch.imported.owners["SharedAccessPoint"] == shared
    assert_written_back(arch, template)


def test_the_mounts_come_back_from_terraform(tmp_path: Path) -> None:
    files = render(mount_clients())
    arch, report = terraform_imported(files, tmp_path)
    assert report.generic == [] and report.warnings == []
    assert connections(arch) - {("Reader", "Cluster", "attach")} == FLOWS
    assert render(arch) == files


def test_a_read_write_mount_comes_back_as_the_write_it_grants_the_same(tmp_path: Path) -> None:
    """A mount that may write may read: read-write and write grant and mount the same, and come back as write."""
    design = mount_clients()
    [write] = [c for c in design.connections.values() if c.kind is K.WRITE]
    design.disconnect(write.id)
    design.connect("fn", "efs", K.READ_WRITE)
    template = build_template(design)
    assert template == build_template(mount_clients())
    arch, _report = imported(template, tmp_path)
    assert ("Writer", "Shared", "write") in connections(arch)


def test_traffic_drawn_beside_a_mount_on_another_port_stays(tmp_path: Path) -> None:
    design = mount_clients()
    design.connect("fn", "efs", K.TRAFFIC, port=2999)
    arch, _report = imported(build_template(design), tmp_path)
    assert {("Writer", "Shared", "write"), ("Writer", "Shared", "traffic")} <= connections(arch)
    [traffic] = [c for c in arch.connections.values() if c.kind is K.TRAFFIC and c.port is not None]
    assert traffic.port == 2999


def test_traffic_to_a_file_system_nothing_mounts_stays(tmp_path: Path) -> None:
    """The rule on NFS's port is a traffic connection when no read or write says it is a mount's."""
    design = mount_clients()
    [read] = [c for c in design.connections.values() if c.kind is K.READ]
    design.disconnect(read.id)
    design.connect("svc", "efs", K.TRAFFIC)
    template = build_template(design)
    arch, _report = imported(template, tmp_path)
    assert ("Reader", "Shared", "traffic") in connections(arch)
    assert ("Reader", "Shared", "read") not in connections(arch)
    arch.set_imported_source(None)
    assert build_template(arch) == template


@pytest.mark.parametrize("fmt", ["cloudformation", "terraform"])
def test_export_import_diff_finds_no_difference(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert_cli_round_trip_unchanged(mount_clients(), fmt, tmp_path, capsys)
