"""The design settings switch the exports' production defaults: one undo step per switch, saved in the document,
and the export follows them."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QCheckBox

from archbuilder.exporters.registry import export
from archbuilder.model import ExportDefaults, load, save
from archbuilder.resource_files import example_path
from archbuilder.ui.export_defaults_editor import SWITCHES, ExportDefaultsEditor
from archbuilder.ui.main_window import MainWindow

THREE_TIER = Path(str(example_path("three-tier-web")))


def _flow_logs(folder: Path) -> list[str]:
    template = json.loads((folder / "template.json").read_text(encoding="utf-8"))
    return [name for name, body in template["Resources"].items() if body["Type"] == "AWS::EC2::FlowLog"]


def test_each_export_default_is_a_switch_of_the_design_settings(window: MainWindow, tmp_path: Path) -> None:
    window.open_path(THREE_TIER)
    panel = window.properties
    editor = panel.editors["export_defaults"]
    assert isinstance(editor, ExportDefaultsEditor)
    # Every switch of the model is shown, checked as the design has it (all on).
    bool_fields = [n for n, f in ExportDefaults.model_fields.items() if f.annotation is bool]
    assert sorted(editor.boxes) == sorted(bool_fields) == sorted(SWITCHES)
    assert all(isinstance(b, QCheckBox) and b.isChecked() for b in editor.boxes.values())
    assert editor.retention.value() == 30

    editor.boxes["vpc_flow_logs"].setChecked(False)
    editor.retention.setValue(365)
    editor.retention.editingFinished.emit()
    arch = window.document.architecture
    assert arch.metadata.export_defaults == ExportDefaults(vpc_flow_logs=False, log_retention_days=365)
    stack = window.document.undo_stack
    assert [stack.text(i) for i in range(stack.count())] == ["Set design export defaults"] * 2

    # The export follows the design settings; the saved document keeps only what was changed.
    assert _flow_logs(export("cloudformation-json", arch, tmp_path / "off")[0].parent) == []
    saved = tmp_path / "design.arch.json"
    save(arch, saved)
    assert json.loads(saved.read_text(encoding="utf-8"))["metadata"]["export_defaults"] == {
        "vpc_flow_logs": False,
        "log_retention_days": 365,
    }
    assert load(saved).metadata.export_defaults == arch.metadata.export_defaults

    window.menu_actions["undo"].trigger()
    window.menu_actions["undo"].trigger()
    assert editor.boxes["vpc_flow_logs"].isChecked()  # the editor follows undo in place
    assert editor.retention.value() == 30
    assert _flow_logs(export("cloudformation-json", arch, tmp_path / "on")[0].parent) == [
        "ProductionVPCFlowLog"
    ]
