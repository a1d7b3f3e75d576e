"""Values the Terraform export writes come back from its import as the design holds them, not as the provider's
absent value: an OpenSearch domain's and a DAX cluster's encryption, an EBS volume's type, an EFS file system's
lifecycle and backup policy, a Network Load Balancer's deletion protection, a SageMaker endpoint's key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from archbuilder.exporters.terraform.files import render
from archbuilder.importers.terraform import import_terraform
from tests.exporters.every_service import every_service

READ_BACK = {
    "DAX": ["encrypted"],
    "EBS": ["volume_type"],
    "EFS": ["transition_to_ia", "backup_enabled"],
    "NLB": ["deletion_protection"],
    "SageMaker endpoint": ["encrypted"],
}


def _values(services: Any) -> dict[str, dict[str, Any]]:
    return {
        node.label: {name: node.properties.get(name) for name in READ_BACK[node.label]}
        for node in services
        if node.label in READ_BACK
    }


def test_the_values_come_back_as_the_design_holds_them(tmp_path: Path) -> None:
    design = every_service()
    for name, text in render(design).items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    arch, _report = import_terraform(tmp_path)
    expected = _values(design.services())
    assert expected == {
        "DAX": {"encrypted": True},
        "EBS": {"volume_type": "gp3"},
        "EFS": {"transition_to_ia": "AFTER_30_DAYS", "backup_enabled": True},
        "NLB": {"deletion_protection": True},
        "SageMaker endpoint": {"encrypted": True},
    }
    assert _values(arch.services()) == expected
