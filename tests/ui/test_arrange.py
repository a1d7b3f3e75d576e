"""Tools › Arrange in a real main window: the automatic layout as one undo step, pinned nodes kept."""

from __future__ import annotations

from archbuilder.model import dumps
from archbuilder.model.layout import auto_layout
from archbuilder.ui.main_window import MainWindow


def test_arrange_lays_the_design_out_in_one_undo_step_and_keeps_pinned_nodes(window: MainWindow) -> None:
    window.new_document("serverless-api")
    architecture = window.document.architecture
    architecture.move_node("trail", 1500.0, 600.0)
    architecture.set_pinned("trail", True)
    architecture.move_node("api", 0.0, 0.0)  # dropped on top of another service
    before = dumps(architecture)
    steps = window.document.undo_stack.count()
    arrange = next(a for a in window.menuBar().actions() if a.text() == "&Tools").menu().actions()
    assert [a.text() for a in arrange] == ["&Validate now", "&Arrange", "&Compare with a design…"]
    arrange[1].trigger()
    assert window.document.undo_stack.count() == steps + 1
    assert window.document.undo_stack.undoText() == "Arrange"
    expected = window.document.architecture
    trail = expected.node("trail")
    assert (trail.x, trail.y, trail.pinned) == (1500.0, 600.0, True)
    from archbuilder.model import loads

    planned = loads(before)
    auto_layout(planned)
    assert dumps(expected) == dumps(planned)
    # The canvas follows: the API's item is where the layout put it.
    item = window.scene.item_for("api")
    assert item is not None and (item.pos().x(), item.pos().y()) == (
        expected.node("api").x,
        expected.node("api").y,
    )
    window.menu_actions["undo"].trigger()
    assert dumps(window.document.architecture) == before
    arrange[1].trigger()
    steps = window.document.undo_stack.count()
    arrange[1].trigger()  # already arranged: nothing to do, no empty undo step
    assert window.document.undo_stack.count() == steps
