"""Several services selected: the properties panel edits the fields they share, on all of them at once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox

from archbuilder.model import Architecture, RegionNode
from archbuilder.model.layout import auto_layout
from archbuilder.ui.main_window import MainWindow


def test_common_fields_of_several_services_are_edited_together_in_one_step(window: MainWindow) -> None:
    window.new_document("three-tier-web")
    document = window.document
    arch = document.architecture
    arch_ids = ["nat-a", "nat-b"]
    window.scene.select_nodes(arch_ids)
    panel = window.properties
    assert panel.title.text() == "2 services selected: the fields they share"
    assert "label" not in panel.editors  # names differ: each is renamed on its own
    nat = arch.catalog.get("nat_gateway")
    assert list(panel.editors) == [spec.name for spec in nat.properties]
    steps = document.undo_stack.count()
    first = nat.properties[0]
    originals = [arch.service(i).properties.get(first.name) for i in arch_ids]
    editor = panel.editors[first.name]
    if isinstance(editor, QCheckBox):
        editor.setChecked(not editor.isChecked())
    elif isinstance(editor, QSpinBox):
        editor.setValue(editor.value() + 1)
    else:
        editor.setCurrentIndex((editor.currentIndex() + 1) % editor.count())  # type: ignore[attr-defined]
    values = [arch.service(i).properties.get(first.name) for i in arch_ids]
    assert values[0] == values[1] and values != originals
    assert document.undo_stack.count() == steps + 1
    assert document.undo_stack.undoText() == f"Set {first.label or first.name} on 2 services"
    document.undo_stack.undo()
    assert [arch.service(i).properties.get(first.name) for i in arch_ids] == originals


def test_services_of_different_types_share_only_their_common_fields(window: MainWindow) -> None:
    window.new_document("three-tier-web")
    window.scene.select_nodes(["web-alb", "app-asg"])
    arch = window.document.architecture
    alb = {s.name for s in arch.catalog.get("alb").properties}
    asg = {s.name for s in arch.catalog.get("autoscaling_group").properties}
    assert set(window.properties.editors) <= alb & asg
    window.scene.select_nodes(["web-alb", "vpc"])  # a container among them: the first one's own fields
    assert "label" in window.properties.editors


def _two_of_each() -> Architecture:
    """Two functions and two queues whose fields partly differ."""
    arch = Architecture()
    arch.add_node(RegionNode(id="region", label="Region", region="us-east-1"))
    for node_id, handler, memory in (("fn-a", "a.handler", 256), ("fn-b", "b.handler", 512)):
        properties = {"handler": handler, "memory_mb": memory, "runtime": "python3.12", "timeout_seconds": 30}
        arch.add_service("lambda_function", "region", node_id=node_id, x=40, y=40, properties=properties)
    arch.add_service("sqs_queue", "region", node_id="q-a", properties={"fifo": True})
    arch.add_service("sqs_queue", "region", node_id="q-b", properties={"fifo": False})
    auto_layout(arch)
    return arch


def test_fields_whose_values_differ_say_mixed_and_passing_through_them_changes_nothing(
    window: MainWindow,
) -> None:
    window.document.replace(_two_of_each())
    arch, panel = window.document.architecture, window.properties
    window.scene.select_nodes(["fn-a", "fn-b"])
    handler, memory = panel.editors["handler"], panel.editors["memory_mb"]
    timeout, runtime = panel.editors["timeout_seconds"], panel.editors["runtime"]
    assert isinstance(handler, QLineEdit) and isinstance(memory, QSpinBox) and isinstance(timeout, QSpinBox)
    assert isinstance(runtime, QComboBox)
    assert (handler.text(), handler.placeholderText()) == ("", "(mixed)")
    assert memory.text() == "(mixed)"
    assert timeout.text() == "30 s" and runtime.currentText() == "python3.12"  # the same on both
    steps = window.document.undo_stack.count()
    handler.editingFinished.emit()  # focus passed through the fields without an edit
    memory.editingFinished.emit()
    assert [arch.service(i).properties["handler"] for i in ("fn-a", "fn-b")] == ["a.handler", "b.handler"]
    assert [arch.service(i).properties["memory_mb"] for i in ("fn-a", "fn-b")] == [256, 512]
    assert window.document.undo_stack.count() == steps
    memory.setValue(1024)  # an edit: both get it, and the field shows it
    memory.editingFinished.emit()
    assert [arch.service(i).properties["memory_mb"] for i in ("fn-a", "fn-b")] == [1024, 1024]
    assert memory.text() == "1024 MB" and memory.specialValueText() == ""
    window.document.undo_stack.undo()
    assert memory.text() == "(mixed)"

    window.scene.select_nodes(["q-a", "q-b"])
    fifo = panel.editors["fifo"]
    assert isinstance(fifo, QCheckBox) and fifo.checkState() is Qt.CheckState.PartiallyChecked
    fifo.click()  # a partly checked box is ticked: both queues become FIFO
    assert [arch.service(i).properties["fifo"] for i in ("q-a", "q-b")] == [True, True]
    assert fifo.checkState() is Qt.CheckState.Checked and not fifo.isTristate()
