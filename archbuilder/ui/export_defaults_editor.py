"""The design's export defaults (metadata.export_defaults): one check box per production default the
CloudFormation and Terraform exports add, and the log retention. Each change is one undo step."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QCheckBox, QFormLayout, QSpinBox, QWidget

from archbuilder.model import ExportDefaults

# Each switch of ExportDefaults, as the design settings name it.
SWITCHES = {
    "tags": "Environment and Design tags",
    "load_balancer_access_logs": "Load balancer access logs",
    "vpc_flow_logs": "VPC flow logs",
    "s3_tls_only": "Buckets refuse plain HTTP",
    "database_monitoring": "Database insights and log exports",
    "function_tracing": "Function tracing and log group",
    "function_dead_letter_queue": "Function dead-letter queue",
    "terraform_backend_example": "Terraform backend example",
}


class ExportDefaultsEditor(QWidget):
    """`apply(new_defaults)` records the change (Document.set_metadata); `set_value` shows the model's."""

    def __init__(self, apply: Callable[[ExportDefaults], Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._apply = apply
        self._value = ExportDefaults()
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for name, label in SWITCHES.items():
            box = QCheckBox(label)
            box.setObjectName(name)
            box.toggled.connect(lambda checked, name=name: self._changed(name, checked))
            self.boxes[name] = box
            layout.addRow(box)
        self.retention = QSpinBox()
        self.retention.setRange(1, 3653)
        self.retention.setSuffix(" days")
        self.retention.setToolTip("How long the log groups and access-log buckets the exports add keep logs")
        self.retention.editingFinished.connect(
            lambda: self._changed("log_retention_days", self.retention.value())
        )
        layout.addRow("Log retention", self.retention)

    def set_value(self, value: ExportDefaults) -> None:
        self._value = value
        for name, box in self.boxes.items():
            blocked = box.blockSignals(True)
            box.setChecked(bool(getattr(value, name)))
            box.blockSignals(blocked)
        blocked = self.retention.blockSignals(True)
        self.retention.setValue(value.log_retention_days)
        self.retention.blockSignals(blocked)

    def _changed(self, name: str, setting: Any) -> None:
        if getattr(self._value, name) == setting:
            return
        self._apply(self._value.model_copy(update={name: setting}))
