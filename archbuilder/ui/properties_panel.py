"""Properties of the selected node (or of the design when nothing is selected), generated from the catalog's
property specs. Bad values are refused inline with the reason; every accepted edit is one undo step."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from archbuilder.catalog import Placement, PropertySpec, PropertyType, check_property_value
from archbuilder.catalog.generic_types import GENERIC, type_name
from archbuilder.editor.document import Document
from archbuilder.model import AvailabilityZoneNode, NodeKind, RegionNode, ServiceNode, SubnetNode, VpcNode
from archbuilder.model.document import Environment
from archbuilder.ui.export_defaults_editor import ExportDefaultsEditor
from archbuilder.ui.mixed_values import show_agreed, show_mixed
from archbuilder.ui.property_editors import IngressTable, StringListEdit
from archbuilder.ui.usage_editor import UsageEditor
from archbuilder.ui.wheel_guard import guard_wheel

_INT_LIMIT = 2_000_000_000
_CONTAINER_TITLES: dict[str, str] = {
    NodeKind.REGION: "Region",
    NodeKind.VPC: "VPC",
    NodeKind.AZ: "Availability Zone",
}


def container_title(node: RegionNode | VpcNode | AvailabilityZoneNode | SubnetNode) -> str:
    """What the inspector calls a container: its kind as the palette names it."""
    if isinstance(node, SubnetNode):
        return f"{node.tier.value.capitalize()} subnet"
    return _CONTAINER_TITLES[node.kind]


Setter = Callable[[Any], None]


class _JsonEdit(QPlainTextEdit):
    """Raw JSON (imported resources' untranslated properties), applied when the field loses focus."""

    def __init__(self, text: str, on_commit: Callable[[str], None]) -> None:
        super().__init__(text)
        self._on_commit = on_commit
        self.setFixedHeight(90)
        self.setToolTip("JSON; applied when the field loses focus")

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._on_commit(self.toPlainText())
        super().focusOutEvent(event)


def _set_quietly(widget: QWidget, apply: Callable[[], None]) -> None:
    """Show a model value in an editor without the editor reporting it back as a user edit."""
    blocked = widget.blockSignals(True)
    try:
        apply()
    finally:
        widget.blockSignals(blocked)


class PropertiesPanel(QWidget):
    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.node_id: str | None = None
        self.group: list[str] = []  # several services selected: their common fields are edited together
        # Fields whose values differ among them: what the "(mixed)" editor reports when not edited (mixed_values).
        self._mixed: dict[str, Any] = {}
        self._built_for: tuple[str | None, str] | None = None
        self.title = QLabel("")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold; font-size: 13px;")
        self.error = QLabel("")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.form_host = QWidget()
        self.form = QFormLayout()
        host_layout = QVBoxLayout(self.form_host)
        host_layout.addLayout(self.form)
        host_layout.addStretch(1)  # rows stay together at the top instead of spreading over the dock
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form_host)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.error)
        layout.addWidget(scroll, 1)
        self.usage = UsageEditor(document)
        host_layout.insertWidget(1, self.usage)  # under the properties, above the stretch
        self.editors: dict[str, QWidget] = {}
        self._setters: dict[str, Setter] = {}
        # Bound methods, not lambdas: Qt drops them when this panel is destroyed.
        document.changed.connect(self.refresh)
        document.architecture_replaced.connect(self._on_replaced)
        self.refresh()

    def _on_replaced(self) -> None:
        self.show_node(None)

    # ------------------------------------------------------------------ building

    def show_nodes(self, node_ids: list[str]) -> None:
        """Several services: the fields they all have, a value shown where they agree, an edit set on all."""
        nodes = self.document.architecture.nodes
        services = [i for i in node_ids if isinstance(nodes.get(i), ServiceNode)]
        if len(node_ids) > 1 and len(services) == len(node_ids):
            self.group = services
            self.node_id = services[0]
            self.error.setText("")
            self._built_for = None
            self.refresh()
            self.usage.show_node(None)
            return
        self.show_node(node_ids[0] if node_ids else None)

    def show_node(self, node_id: str | None) -> None:
        self.group = []
        self.node_id = node_id if node_id in self.document.architecture.nodes else None
        self.error.setText("")
        self._built_for = None
        self.refresh()
        self.usage.show_node(self.node_id)

    def _identity(self) -> tuple[str | None, str]:
        node = self.document.architecture.nodes.get(self.node_id or "")
        if node is None:
            return (None, "design")
        if self.group:
            return (",".join(self.group), "group")
        return (node.id, node.type if isinstance(node, ServiceNode) else node.kind)

    def refresh(self) -> None:
        """After an edit or undo: update the editors in place (keeps focus while tabbing through fields);
        rebuild only when a different node (or none) is shown."""
        if self.node_id not in self.document.architecture.nodes:
            self.node_id = None
        identity = self._identity()
        if identity == self._built_for:
            self._sync()
            return
        self._built_for = identity
        while self.form.rowCount():
            self.form.removeRow(0)
        self.editors.clear()
        self._setters.clear()
        self._mixed.clear()
        if self.node_id is None:
            self._build_design()
        elif self.group:
            self._build_group()
        else:
            self._build_node(self.node_id)
        self._sync()

    def _sync(self) -> None:
        arch = self.document.architecture
        node = arch.nodes.get(self.node_id or "")
        for key, setter in self._setters.items():
            if node is None:
                value = getattr(arch.metadata, key)
            elif self.group:
                values = [arch.service(i).properties.get(key) for i in self.group if i in arch.nodes]
                if self._show_mixed_or_agreed(key, setter, values):
                    continue
                value = values[0] if values else None
            elif key in ("label", "extra_subnet_ids") or not isinstance(node, ServiceNode):
                value = getattr(node, key)
            else:
                value = node.properties.get(key)
            _set_quietly(self.editors[key], lambda s=setter, v=value: s(v))  # type: ignore[misc]

    def _show_mixed_or_agreed(self, key: str, setter: Setter, values: list[Any]) -> bool:
        """Several services' values of a field: "(mixed)" shown (True) where they differ, else the editor made
        ready to show the one they share."""
        editor = self.editors[key]
        if values and any(v != values[0] for v in values):

            def mixed() -> None:
                setter(None)
                self._mixed[key] = show_mixed(editor)

            _set_quietly(editor, mixed)
            return True
        self._mixed.pop(key, None)
        _set_quietly(editor, partial(show_agreed, editor))
        return False

    def _build_design(self) -> None:
        self.title.setText("Design (select a node to edit it)")
        self._add_row("Name", "name", *self._line("name", self.document.set_metadata, None))
        description = _JsonEdit(
            "", lambda text: self._apply_field(self.document.set_metadata, "description", text)
        )
        description.setToolTip("Applied when the field loses focus")
        self._add_row("Description", "description", description, description.setPlainText)
        self._add_row(
            "Default region",
            "default_region",
            *self._line("default_region", self.document.set_metadata, None),
        )
        environment = QComboBox()
        environment.addItems([e.value for e in Environment])
        environment.currentTextChanged.connect(
            lambda text: self._apply_field(self.document.set_metadata, "environment", text)
        )
        self._add_row("Environment", "environment", environment, lambda v: environment.setCurrentText(str(v)))
        defaults = ExportDefaultsEditor(
            lambda value: self._apply_field(self.document.set_metadata, "export_defaults", value)
        )
        self._add_row(
            "Export defaults",
            "export_defaults",
            defaults,
            defaults.set_value,
            "What the CloudFormation and Terraform exports add to the design (each in both formats)",
        )

    def _build_node(self, node_id: str) -> None:
        arch = self.document.architecture
        node = arch.node(node_id)
        self._add_row("Label", "label", *self._line("label", None, node_id))
        if not isinstance(node, ServiceNode):
            self.title.setText(f"{container_title(node)}  ({node.id})")
            setter = self.document.set_container_field
            if isinstance(node, RegionNode):
                self._add_row("Region", "region", *self._line("region", setter, node_id))
            if isinstance(node, VpcNode | SubnetNode):
                self._add_row("CIDR", "cidr", *self._line("cidr", setter, node_id))
            if isinstance(node, AvailabilityZoneNode):
                self._add_row("Zone", "zone", *self._line("zone", setter, node_id))
            if isinstance(node, SubnetNode):
                tier = QComboBox()
                tier.addItems(["public", "private"])
                tier.currentTextChanged.connect(
                    lambda value: self._apply_field(setter, "tier", value, node_id)
                )
                self._add_row(
                    "Tier", "tier", tier, lambda v: tier.setCurrentText(getattr(v, "value", str(v)))
                )
            return
        service = arch.catalog.get(node.type)
        kind = type_name(arch.catalog, node.type, node.properties) if node.type == GENERIC else service.name
        self.title.setText(f"{kind}  ({node.id})")
        for spec in service.properties:
            editor, setter_fn = self._editor_for(spec)
            self._add_row(spec.label or spec.name, spec.name, editor, setter_fn, spec.description)
        if service.placement is Placement.MULTI_SUBNET:
            self._add_extra_subnets(node)

    def _build_group(self) -> None:
        """The catalog properties every selected service has (same name and type); a field shows a value only
        where all of them agree."""
        arch = self.document.architecture
        types = [arch.service(i).type for i in self.group]
        first, *others = [arch.catalog.get(t) for t in dict.fromkeys(types)]
        self.title.setText(f"{len(self.group)} services selected: the fields they share")
        for spec in first.properties:
            if all(
                (o := other.property_spec(spec.name)) is not None and o.type == spec.type for other in others
            ):
                editor, setter_fn = self._editor_for(spec)
                self._add_row(spec.label or spec.name, spec.name, editor, setter_fn, spec.description)

    def _add_extra_subnets(self, node: ServiceNode) -> None:
        arch = self.document.architecture
        vpc = arch.enclosing(node.id, NodeKind.VPC)
        candidates = [
            s
            for s in (arch.descendants(vpc.id) if vpc else [])
            if isinstance(s, SubnetNode) and s.id != node.parent_id
        ]
        if not candidates:
            return
        subnets = QListWidget()
        subnets.setFixedHeight(min(22 * len(candidates) + 6, 140))
        for subnet in candidates:
            zone = arch.enclosing(subnet.id, NodeKind.AZ)
            # Subnets often share a label ("Private subnet"): the CIDR and zone tell them apart.
            where = f"{subnet.cidr}, {zone.zone}" if isinstance(zone, AvailabilityZoneNode) else subnet.cidr
            item = QListWidgetItem(f"{subnet.label} ({where})")
            item.setData(Qt.ItemDataRole.UserRole, subnet.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            subnets.addItem(item)

        def show(ids: list[str]) -> None:
            for row in range(subnets.count()):
                item = subnets.item(row)
                checked = item.data(Qt.ItemDataRole.UserRole) in ids
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

        def changed(_item: QListWidgetItem) -> None:
            ids = [
                subnets.item(r).data(Qt.ItemDataRole.UserRole)
                for r in range(subnets.count())
                if subnets.item(r).checkState() == Qt.CheckState.Checked
            ]
            self._apply_field(
                lambda n, _name, v: self.document.set_extra_subnets(n, v), "extra_subnet_ids", ids, node.id
            )

        subnets.itemChanged.connect(changed)
        self._add_row(
            "Also in subnets",
            "extra_subnet_ids",
            subnets,
            show,
            "More subnets of the same VPC this service spans (one per availability zone)",
        )

    def _add_row(self, label: str, key: str, editor: QWidget, setter: Setter, tooltip: str = "") -> None:
        if tooltip:
            editor.setToolTip(tooltip)
        for field in [editor, *editor.findChildren(QAbstractSpinBox), *editor.findChildren(QComboBox)]:
            if isinstance(field, QAbstractSpinBox | QComboBox):
                guard_wheel(field)
        self.editors[key] = editor
        self._setters[key] = setter
        self.form.addRow(label, editor)

    def _line(
        self, name: str, apply: Callable[..., bool] | None, node_id: str | None
    ) -> tuple[QLineEdit, Setter]:
        """A text field for a label, a container field (apply(node_id, name, value)) or a design field."""
        edit = QLineEdit()

        def commit() -> None:
            text = edit.text().strip()
            if apply is None:
                self._apply_label(text)
            elif node_id is None:
                self._apply_field(apply, name, text)
            else:
                self._apply_field(apply, name, text, node_id)

        edit.editingFinished.connect(commit)
        return edit, lambda v: edit.setText("" if v is None else str(v))

    def _editor_for(self, spec: PropertySpec) -> tuple[QWidget, Setter]:
        kind = spec.type
        if kind is PropertyType.BOOLEAN:
            box = QCheckBox()
            # By its state, not `toggled`: a click on a "(mixed)" box (partly checked) ticks it, toggling nothing.

            def state_changed(state: Qt.CheckState) -> None:
                if state is not Qt.CheckState.PartiallyChecked:
                    self._apply(spec, state is Qt.CheckState.Checked)

            box.checkStateChanged.connect(state_changed)
            return box, lambda v: box.setChecked(bool(v))
        if kind is PropertyType.ENUM:
            combo = QComboBox()
            combo.addItems(["", *spec.values] if spec.default is None else list(spec.values))
            combo.currentTextChanged.connect(lambda text: self._apply(spec, text or None))
            return combo, lambda v: combo.setCurrentText("" if v is None else str(v))
        if kind is PropertyType.INTEGER:
            spin = QSpinBox()
            spin.setRange(
                int(spec.minimum if spec.minimum is not None else -_INT_LIMIT),
                int(spec.maximum if spec.maximum is not None else _INT_LIMIT),
            )
            if spec.unit:
                spin.setSuffix(f" {spec.unit}")
            spin.editingFinished.connect(lambda: self._apply(spec, spin.value()))
            return spin, lambda v: spin.setValue(int(v or 0))
        if kind is PropertyType.NUMBER:
            number = QDoubleSpinBox()
            number.setRange(
                spec.minimum if spec.minimum is not None else -1e12,
                spec.maximum if spec.maximum is not None else 1e12,
            )
            number.editingFinished.connect(lambda: self._apply(spec, number.value()))
            return number, lambda v: number.setValue(float(v or 0))
        if kind is PropertyType.INGRESS_RULES:
            table = IngressTable(None)
            table.committed.connect(lambda value: self._apply_structured(spec, value))
            return table, lambda v: table.set_value(v)
        if kind is PropertyType.STRING_LIST:
            lines = StringListEdit(None)
            lines.committed.connect(lambda value: self._apply(spec, value or None))
            return lines, lambda v: lines.set_value(v)
        if kind is PropertyType.OBJECT:
            raw = _JsonEdit("", lambda text: self._apply_json(spec, text))
            return raw, lambda v: raw.setPlainText(json.dumps(v if v is not None else {}, indent=1))
        edit = QLineEdit()
        if kind is PropertyType.CIDR:
            edit.setPlaceholderText("e.g. 10.0.0.0/16")
        edit.editingFinished.connect(lambda: self._apply(spec, edit.text().strip()))
        return edit, lambda v: edit.setText("" if v is None else str(v))

    # ------------------------------------------------------------------ applying

    def _apply(self, spec: PropertySpec, value: Any) -> None:
        if self.node_id is None:
            return
        node = self.document.architecture.nodes.get(self.node_id)
        if not isinstance(node, ServiceNode):
            return
        if self.group and spec.name in self._mixed and value == self._mixed[spec.name]:
            return  # focus passed through a "(mixed)" field: no edit
        currents = [
            self.document.architecture.service(i).properties.get(spec.name) for i in self.group or [node.id]
        ]
        # An empty field over an unset or empty value is not an edit (focus merely passed through).
        if all(
            current == value or (current in (None, "", []) and value in (None, "", []))
            for current in currents
        ):
            return
        problem = check_property_value(spec, value)
        if problem:
            self.error.setText(f"{spec.label or spec.name}: {problem}")
            return
        self.error.setText("")
        if self.group:
            if not self.document.set_property_many(self.group, spec.name, value):
                self.error.setText(f"{spec.label or spec.name}: refused")
            return
        if not self.document.set_property(self.node_id, spec.name, value):
            self.error.setText(f"{spec.label or spec.name}: refused")

    def _apply_structured(self, spec: PropertySpec, value: Any) -> None:
        if isinstance(value, str):  # the editor's reason it holds no valid value yet
            self.error.setText(f"{spec.label or spec.name}: {value}")
            return
        self._apply(spec, value)

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
        if not text:
            self.error.setText("Label: must not be empty")
            return
        self.error.setText("")
        self.document.set_label(self.node_id, text)

    def _apply_field(
        self, apply: Callable[..., bool], name: str, value: Any, node_id: str | None = None
    ) -> None:
        """A container, extra-subnet or design field; the model's refusal is shown here, not only in the status bar."""
        current = (
            getattr(self.document.architecture.nodes[node_id], name, None)
            if node_id is not None
            else getattr(self.document.architecture.metadata, name, None)
        )
        if current == value:
            return
        messages: list[str] = []
        self.document.status_message.connect(messages.append)
        try:
            ok = apply(node_id, name, value) if node_id is not None else apply(name, value)
        finally:
            self.document.status_message.disconnect(messages.append)
        self.error.setText("" if ok else (messages[-1] if messages else f"{name}: refused"))
