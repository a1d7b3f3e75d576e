"""A secure listener exported without a certificate (it presents the one whose ARN the deploy gives) comes back as
the design drew it: its protocol and port, no certificate node and no node for the parameter, from CloudFormation
and from Terraform; `archbuilder diff` finds no difference between the export and the imported design."""

from __future__ import annotations

from pathlib import Path

import pytest

from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.terraform.files import render
from archbuilder.model import Architecture
from tests.exporters.test_listener_certificates import uncertified
from tests.importers.round_trips import (
    assert_cli_round_trip_unchanged,
    assert_written_back,
    connections,
    imported,
    terraform_imported,
)

LISTENERS = {
    "Web": ("HTTPS", 443, True),
    "Edge": ("TLS", 443, None),
    "Legacy": ("SSL", 443, None),
}


def _listeners(arch: Architecture) -> dict[str, tuple[object, ...]]:
    return {
        s.label: tuple(
            s.properties.get(name)
            for name in ("listener_protocol", "listener_port", "redirect_http_to_https")
        )
        for s in arch.services()
        if s.type in ("alb", "nlb", "clb")
    }


def test_the_listeners_come_back_from_cloudformation_as_drawn(tmp_path: Path) -> None:
    design = uncertified(nlb="TLS", clb="SSL")
    template = build_template(design)
    arch, report = imported(template, tmp_path)
    assert report.generic == [] and report.warnings == []
    assert _listeners(arch) == LISTENERS
    assert sorted(s.label for s in arch.services()) == ["App", "Edge", "IGW", "Legacy", "Web"]
    assert connections(arch) == connections(design)
    assert_written_back(arch, template)


def test_the_listeners_come_back_from_terraform_as_drawn(tmp_path: Path) -> None:
    files = render(uncertified(nlb="TLS", clb="SSL"))
    arch, report = terraform_imported(files, tmp_path)
    assert report.generic == [] and report.warnings == []
    assert _listeners(arch) == LISTENERS
    assert sorted(s.label for s in arch.services()) == ["App", "Edge", "IGW", "Legacy", "Web"]
    assert render(arch) == files


@pytest.mark.parametrize("fmt", ["cloudformation", "terraform"])
def test_export_import_diff_finds_no_difference(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert_cli_round_trip_unchanged(uncertified(nlb="TLS", clb="SSL"), fmt, tmp_path, capsys)
