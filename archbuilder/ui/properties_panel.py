"""Properties of the selected node, generated from the catalog's property specs; every edit is one undo step."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from archbuilder.catalog import PropertySpec, PropertyType, check_property_value
from archbuilder.editor.document import Document
from archbuilder.model import AvailabilityZoneNode, RegionNode, ServiceNode, SubnetNode, VpcNode

_INT_LIMIT = 2_000_000_000


class _JsonEdit(QPlainTextEdit):
    """A JSON field applied when it loses focus (rule lists, string lists, raw imported properties)."""

    committed = Signal(str)

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.setFixedHeight(90)
        self.setToolTip("JSON; applied when the field loses focus")

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.committed.emit(self.toPlainText())
        super().focusOutEvent(event)


class PropertiesPanel(QWidget):
    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.node_id: str | None = None
        self.title = QLabel("Nothing selected")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setStyleSheet("font-weight: bold; font-size: 13px;")
        self.error = QLabel("")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.form_host = QWidget()
        self.form = QFormLayout(self.form_host)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form_host)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.error)
        layout.addWidget(scroll)
        self.editors: dict[str, QWidget] = {}
        # Bound methods, not lambdas: Qt drops them when this panel is destroyed.
        document.undo_stack.indexChanged.connect(self._on_undo_index)
        document.architecture_replaced.connect(self._on_replaced)

    def _on_undo_index(self, _index: int) -> None:
        self.refresh()

    def _on_replaced(self) -> None:
        self.show_node(None)

    # ------------------------------------------------------------------ building

    def show_node(self, node_id: str | None) -> None:
        self.node_id = node_id if node_id in self.document.architecture.nodes else None
        self.error.setText("")
        self.refresh()

    def refresh(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.editors.clear()
        arch = self.document.architecture
        if self.node_id is None or self.node_id not in arch.nodes:
            self.title.setText("Nothing selected")
            return
        node = arch.node(self.node_id)
        label_edit = QLineEdit(node.label)
        label_edit.editingFinished.connect(lambda: self._apply_label(label_edit.text()))
        self._add_row("Label", "label", label_edit)
        if isinstance(node, ServiceNode):
            service = arch.catalog.get(node.type)
            self.title.setText(f"{service.name}  ({node.id})")
            for spec in service.properties:
                self._add_row(
                    spec.label or spec.name,
                    spec.name,
                    self._editor_for(spec, node.properties.get(spec.name)),
                    spec.description,
                )
        else:
            self.title.setText(f"{node.kind.upper()} container  ({node.id})")
            if isinstance(node, RegionNode):
                self._add_row("Region", "region", self._text_field("region", node.region))
            if isinstance(node, VpcNode | SubnetNode):
                self._add_row("CIDR", "cidr", self._text_field("cidr", node.cidr))
            if isinstance(node, AvailabilityZoneNode):
                self._add_row("Zone", "zone", self._text_field("zone", node.zone))
            if isinstance(node, SubnetNode):
                tier = QComboBox()
                tier.addItems(["public", "private"])
                tier.setCurrentText(node.tier.value)
                tier.currentTextChanged.connect(lambda value: self._apply_container("tier", value))
                self._add_row("Tier", "tier", tier)

    def _add_row(self, label: str, key: str, editor: QWidget, tooltip: str = "") -> None:
        if tooltip:
            editor.setToolTip(tooltip)
        self.editors[key] = editor
        self.form.addRow(label, editor)

    def _text_field(self, name: str, value: str) -> QLineEdit:
        edit = QLineEdit(value)
        edit.editingFinished.connect(lambda: self._apply_container(name, edit.text().strip()))
        return edit

    def _editor_for(self, spec: PropertySpec, value: Any) -> QWidget:
        kind = spec.type
        if kind is PropertyType.BOOLEAN:
            box = QCheckBox()
            box.setChecked(bool(value))
            box.toggled.connect(lambda checked: self._apply(spec, checked))
            return box
        if kind is PropertyType.ENUM:
            combo = QComboBox()
            combo.addItems(list(spec.values))
            if value is not None:
                combo.setCurrentText(str(value))
            combo.currentTextChanged.connect(lambda text: self._apply(spec, text))
            return combo
        if kind is PropertyType.INTEGER:
            spin = QSpinBox()
            spin.setRange(
                int(spec.minimum if spec.minimum is not None else -_INT_LIMIT),
                int(spec.maximum if spec.maximum is not None else _INT_LIMIT),
            )
            spin.setValue(int(value or 0))
            if spec.unit:
                spin.setSuffix(f" {spec.unit}")
            spin.editingFinished.connect(lambda: self._apply(spec, spin.value()))
            return spin
        if kind is PropertyType.NUMBER:
            number = QDoubleSpinBox()
            number.setRange(
                spec.minimum if spec.minimum is not None else -1e12,
                spec.maximum if spec.maximum is not None else 1e12,
            )
            number.setValue(float(value or 0))
            number.editingFinished.connect(lambda: self._apply(spec, number.value()))
            return number
        if kind in (PropertyType.INGRESS_RULES, PropertyType.OBJECT, PropertyType.STRING_LIST):
            empty: Any = {} if kind is PropertyType.OBJECT else []
            text = _JsonEdit(json.dumps(value if value is not None else empty, indent=1))
            text.committed.connect(lambda content: self._apply_json(spec, content))
            return text
        edit = QLineEdit("" if value is None else str(value))
        edit.editingFinished.connect(lambda: self._apply(spec, edit.text()))
        return edit

    # ------------------------------------------------------------------ applying

    def _apply(self, spec: PropertySpec, value: Any) -> None:
        if self.node_id is None:
            return
        node = self.document.architecture.nodes.get(self.node_id)
        if not isinstance(node, ServiceNode) or node.properties.get(spec.name) == value:
            return
        problem = check_property_value(spec, value)
        if problem:
            self.error.setText(f"{spec.label or spec.name}: {problem}")
            return
        self.error.setText("")
        if not self.document.set_property(self.node_id, spec.name, value):
            self.error.setText(f"{spec.label or spec.name}: refused")

    def _apply_json(self, spec: PropertySpec, text: str) -> None:
        try:
            value = json.loads(text) if text.strip() else None
        except json.JSONDecodeError as exc:
            self.error.setText(
                f"{spec.label or spec.name}: not valid JSON (line {exc.lineno} column {exc.colno})"
            )
            return
        self._apply(spec, value)

    def _apply_label(self, text: str) -> None:
        if self.node_id is None or self.document.architecture.node(self.node_id).label == text:
            return
        if not text.strip():
            self.error.setText("Label: must not be empty")
            return
        self.error.setText("")
        self.document.set_label(self.node_id, text)

    def _apply_container(self, name: str, value: Any) -> None:
        if (
            self.node_id is None
            or getattr(self.document.architecture.node(self.node_id), name, None) == value
        ):
            return
        messages: list[str] = []
        self.document.status_message.connect(messages.append)
        try:
            ok = self.document.set_container_field(self.node_id, name, value)
        finally:
            self.document.status_message.disconnect(messages.append)
        self.error.setText("" if ok else (messages[-1] if messages else f"{name}: refused"))
