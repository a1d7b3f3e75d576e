"""Several services selected: the properties panel edits the fields they share, on all of them at once."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QSpinBox

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
