"""The usage assumptions of the selected service, per scenario, under its properties."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from archbuilder.cost.presets import meaning, resolve_usage
from archbuilder.editor.document import Document
from archbuilder.model import ServiceNode
from archbuilder.model.usage import (
    MAX_HOURS_PER_MONTH,
    USAGE_FIELDS,
    DesignUsage,
    Scenario,
    ScenarioUsage,
    Usage,
)


class UsageEditor(QGroupBox):
    """Empty fields show the preset (greyed) and mean "use it"; a written value is kept for this scenario."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__("Usage assumptions (for the cost estimate)", parent)
        self.document = document
        self.node_id: str | None = None
        self.scenario_box = QComboBox()
        self.scenario_box.addItems([scenario.value for scenario in Scenario])
        self.scenario_box.setCurrentText(Scenario.EXPECTED.value)
        self.scenario_box.currentTextChanged.connect(lambda _text: self.refresh())
        # Checked, the fields are the design's presets for every service of this type instead of this node's own.
        self.for_type = QCheckBox("For every service of this type")
        self.for_type.toggled.connect(lambda _on: self.refresh())
        self.error = QLabel("")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        self.fields: dict[str, QLineEdit] = {}
        self.labels: dict[str, QLabel] = {}
        form = QFormLayout(self)
        form.addRow("Scenario", self.scenario_box)
        form.addRow(self.for_type)
        for name in USAGE_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"usage-{name}")
            edit.editingFinished.connect(lambda field=name: self._commit(field))
            label = QLabel(name)
            self.fields[name], self.labels[name] = edit, label
            form.addRow(label, edit)
        form.addRow(self.error)
        document.changed.connect(self.refresh)
        self.setVisible(False)

    @property
    def scenario(self) -> Scenario:
        return Scenario(self.scenario_box.currentText())

    def show_node(self, node_id: str | None) -> None:
        node = self.document.architecture.nodes.get(node_id or "")
        self.node_id = node.id if isinstance(node, ServiceNode) else None
        self.error.setText("")
        self.setVisible(self.node_id is not None)
        self.refresh()

    def refresh(self) -> None:
        node = self.document.architecture.nodes.get(self.node_id or "")
        if not isinstance(node, ServiceNode):
            return
        design = self.document.architecture.design_usage
        short = self.document.catalog.get(node.type).short_name
        self.for_type.setText(f"For every {short} in this design")
        if self.for_type.isChecked():
            # What the type falls back to: the shipped presets under the design's own.
            own = self._design_preset(design, node.type)
            resolved = resolve_usage(node.model_copy(update={"usage": None}), self.scenario, DesignUsage())
        else:
            own = node.usage.for_scenario(self.scenario) if node.usage is not None else None
            resolved = resolve_usage(node, self.scenario, design)
        for name, edit in self.fields.items():
            text = meaning(node.type, name)
            self.labels[name].setText(text[:1].upper() + text[1:])  # "GB stored" keeps its capitals
            written = getattr(own, name) if own is not None else None
            edit.blockSignals(True)
            edit.setText("" if written is None else f"{written:g}")
            edit.setPlaceholderText(f"{resolved.value(name):g} (preset)")
            edit.blockSignals(False)

    def _commit(self, name: str) -> None:
        node = self.document.architecture.nodes.get(self.node_id or "")
        if not isinstance(node, ServiceNode):
            return
        text = self.fields[name].text().strip().replace(",", "")
        try:
            value = None if not text else float(text)
        except ValueError:
            self.error.setText(f"{self.labels[name].text()}: {text!r} is not a number")
            return
        if value is not None and (value < 0 or (name == "hours_per_month" and value > MAX_HOURS_PER_MONTH)):
            limit = f"0 to {MAX_HOURS_PER_MONTH:g}" if name == "hours_per_month" else "0 or more"
            self.error.setText(f"{self.labels[name].text()}: must be {limit}")
            return
        self.error.setText("")
        design = self.document.architecture.design_usage
        if self.for_type.isChecked():
            usage = design.presets.get(node.type) or ScenarioUsage()
        else:
            usage = node.usage or ScenarioUsage()
        current = usage.for_scenario(self.scenario) or Usage()
        if getattr(current, name) == value:
            return
        updated = usage.with_usage(self.scenario, current.model_copy(update={name: value}))
        if self.for_type.isChecked():
            presets = {k: v for k, v in design.presets.items() if k != node.type}
            if not updated.is_empty():
                presets[node.type] = updated
            self.document.set_design_usage(DesignUsage(presets=dict(sorted(presets.items()))))
        else:
            self.document.set_usage(node.id, None if updated.is_empty() else updated)

    def _design_preset(self, design: DesignUsage, type_id: str) -> Usage | None:
        preset = design.presets.get(type_id)
        return preset.for_scenario(self.scenario) if preset is not None else None
