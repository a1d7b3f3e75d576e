"""An API's AWS service integrations come back from both exports as the connections they were written from: the
API writing to each queue and topic and invoking the state machine, nothing more (the queue an SQS integration's
path names is not a second connection). Exported again, nothing differs."""

from __future__ import annotations

from pathlib import Path

from archbuilder.exporters.cloudformation.source_template import cloudformation_template
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.terraform.files import render
from tests.exporters.test_api_service_integrations import http_front, service_front
from tests.importers.round_trips import (
    assert_written_back,
    connections,
    imported,
    services,
    terraform_imported,
)

FLOWS = {
    ("Front", "Orders", "write"),
    ("Front", "Payments", "write"),
    ("Front", "Alerts", "write"),
    ("Front", "Checkout", "invoke"),
}


def test_the_integrations_come_back_from_cloudformation_as_the_connections(tmp_path: Path) -> None:
    template = build_template(service_front())
    arch, report = imported(template, tmp_path)
    assert report.generic == [] and report.warnings == []
    assert connections(service_front()) == connections(arch) == FLOWS
    assert services(arch, {"sqs_queue"})["Payments"][2]["fifo"] is True
    assert_written_back(arch, template)


def test_the_integrations_come_back_from_terraform_as_the_connections(tmp_path: Path) -> None:
    files = render(service_front())
    arch, report = terraform_imported(files, tmp_path)
    assert report.generic == [] and report.warnings == []
    assert connections(arch) == FLOWS
    assert services(arch, {"sqs_queue"})["Payments"][2]["fifo"] is True
    assert render(arch) == files


HTTP_FLOWS = {("Edge", "Orders", "write"), ("Edge", "Clicks", "write"), ("Edge", "Checkout", "invoke")}


def test_an_http_api_s_integrations_come_back_from_both_formats(tmp_path: Path) -> None:
    template = build_template(http_front())
    (tmp_path / "cfn").mkdir()
    arch, report = imported(template, tmp_path / "cfn")
    assert report.generic == [] and report.warnings == []
    assert connections(http_front()) == connections(arch) == HTTP_FLOWS
    assert cloudformation_template(arch) == template
    files = render(http_front())
    arch, report = terraform_imported(files, tmp_path / "tf")
    assert report.generic == [] and report.warnings == []
    assert connections(arch) == HTTP_FLOWS
    assert services(arch, {"sqs_queue"})["Orders"][2]["fifo"] is True
    assert render(arch) == files
