"""Menus, toolbar and shortcuts of the main window (standard key sequences where Qt has them)."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget

from archbuilder.canvas.align import align, distribute
from archbuilder.exporters.registry import available_formats
from archbuilder.model.annotations import AnnotationKind
from archbuilder.resource_files import example_names
from archbuilder.ui.annotations import insert_annotation

if TYPE_CHECKING:
    from archbuilder.ui.main_window import MainWindow


def _action(
    window: MainWindow,
    text: str,
    slot: object,
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut) if isinstance(shortcut, str) else shortcut)
    action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
    return action


def build_actions(window: MainWindow) -> dict[str, QAction]:
    """The menus and the toolbar of the main window; returns their actions by name (tests trigger them)."""
    actions: dict[str, QAction] = {}
    _file_menu(window, actions)
    _edit_menu(window, actions)
    _view_menu(window, actions)
    _insert_menu(window, actions)
    _tools_menu(window, actions)
    toolbar = window.addToolBar("Main")
    toolbar.setObjectName("main-toolbar")
    toolbar.addActions(
        [actions[name] for name in ("new", "open", "save", "undo", "redo", "fit", "connect_mode")]
    )
    return actions


def _file_menu(window: MainWindow, actions: dict[str, QAction]) -> None:
    S = QKeySequence.StandardKey
    file_menu = window.menuBar().addMenu("&File")
    actions["new"] = _action(window, "&New", window.new_document, S.New)
    file_menu.addAction(actions["new"])
    examples = file_menu.addMenu("New from &example")
    for name in example_names():
        examples.addAction(
            _action(window, name.replace("-", " ").capitalize(), partial(window.new_document, name))
        )
    actions["open"] = _action(window, "&Open…", window.open_dialog, S.Open)
    file_menu.addAction(actions["open"])
    recent = file_menu.addMenu("Open &recent")

    def fill_recent() -> None:
        recent.clear()
        for path in window.recent_files():
            recent.addAction(_action(window, path, partial(window.open_path, Path(path))))
        recent.setEnabled(bool(window.recent_files()))

    recent.aboutToShow.connect(fill_recent)
    actions["save"] = _action(window, "&Save", window.save, S.Save)
    actions["save_as"] = _action(window, "Save &as…", window.save_as, S.SaveAs)
    file_menu.addActions([actions["save"], actions["save_as"]])
    import_menu = file_menu.addMenu("&Import")
    for text, kind in (
        ("CloudFormation template…", "cloudformation"),
        ("Terraform file…", "terraform-file"),
        ("Terraform folder…", "terraform-folder"),
    ):
        import_menu.addAction(_action(window, text, partial(window.import_dialog, kind)))
    export_menu = file_menu.addMenu("&Export")
    for fmt in available_formats():
        if fmt.name == "report-html":  # the review's formats after the design's
            export_menu.addSeparator()
        export_menu.addAction(_action(window, fmt.description, partial(window.export_to, fmt.name)))
    file_menu.addSeparator()
    actions["quit"] = _action(window, "&Quit", window.close, S.Quit)
    file_menu.addAction(actions["quit"])


def _edit_menu(window: MainWindow, actions: dict[str, QAction]) -> None:
    S = QKeySequence.StandardKey
    edit_menu = window.menuBar().addMenu("&Edit")
    undo = window.document.undo_stack.createUndoAction(window, "&Undo")
    undo.setShortcut(QKeySequence(S.Undo))
    redo = window.document.undo_stack.createRedoAction(window, "&Redo")
    # Ctrl+Shift+Z is the platform's redo on Linux; Ctrl+Y is what users of other editors press.
    bindings = QKeySequence.keyBindings(S.Redo)
    redo.setShortcuts(
        [*bindings, *([QKeySequence("Ctrl+Y")] if QKeySequence("Ctrl+Y") not in bindings else [])]
    )
    actions["undo"], actions["redo"] = undo, redo
    edit_menu.addActions([undo, redo])
    edit_menu.addSeparator()
    actions["copy"] = _action(window, "&Copy", window.scene.copy_selection, S.Copy)
    actions["paste"] = _action(window, "&Paste", window.scene.paste, S.Paste)
    actions["duplicate"] = _action(window, "D&uplicate", window.scene.duplicate_selection, "Ctrl+D")
    actions["delete"] = _action(window, "&Delete", window.scene.delete_selection, S.Delete)
    actions["select_all"] = _action(window, "Select &all", window.scene.select_all, S.SelectAll)
    edit_menu.addActions(
        [actions["copy"], actions["paste"], actions["duplicate"], actions["delete"], actions["select_all"]]
    )
    edit_menu.addSeparator()
    arrange = edit_menu.addMenu("Align and &distribute")
    for how, text in (
        ("left", "Align &left edges"),
        ("centre", "Align &centres"),
        ("right", "Align &right edges"),
        ("top", "Align &tops"),
        ("middle", "Align &middles"),
        ("bottom", "Align &bottoms"),
    ):
        actions[f"align_{how}"] = _action(window, text, partial(align, window.scene, how))
        arrange.addAction(actions[f"align_{how}"])
    arrange.addSeparator()
    actions["distribute_h"] = _action(
        window, "Distribute &horizontally", partial(distribute, window.scene, True)
    )
    actions["distribute_v"] = _action(
        window, "Distribute &vertically", partial(distribute, window.scene, False)
    )
    arrange.addActions([actions["distribute_h"], actions["distribute_v"]])
    edit_menu.addSeparator()
    actions["preferences"] = _action(window, "Pr&eferences…", window.show_preferences, S.Preferences)
    actions["preferences"].setMenuRole(QAction.MenuRole.PreferencesRole)
    edit_menu.addAction(actions["preferences"])


def _follow_collapse(window: MainWindow, collapse: QAction) -> None:
    """Collapsing AZ copies is part of how the design is drawn, saved with it (exports draw it so too): the
    action sets it as an undo step, and the action and the canvas follow the design (undo, open)."""

    def toggled(on: bool) -> None:
        if on != window.document.architecture.metadata.collapse_az_copies:
            window.document.set_metadata("collapse_az_copies", on)

    def follow_design() -> None:
        collapsed = window.document.architecture.metadata.collapse_az_copies
        if collapse.isChecked() != collapsed:
            blocker = QSignalBlocker(collapse)
            collapse.setChecked(collapsed)
            blocker.unblock()
        if window.scene.spans.collapsed != collapsed:
            window.scene.spans.set_collapsed(collapsed)

    collapse.toggled.connect(toggled)
    window.document.changed.connect(follow_design)
    window.document.architecture_replaced.connect(follow_design)


def _view_menu(window: MainWindow, actions: dict[str, QAction]) -> None:
    S = QKeySequence.StandardKey
    view_menu = window.menuBar().addMenu("&View")
    actions["zoom_in"] = _action(window, "Zoom &in", window.view.zoom_in, S.ZoomIn)
    actions["zoom_out"] = _action(window, "Zoom &out", window.view.zoom_out, S.ZoomOut)
    actions["fit"] = _action(window, "&Fit to window", window.view.fit_all, "Ctrl+0")
    actions["actual"] = _action(window, "&Actual size", window.view.reset_zoom, "Ctrl+1")
    actions["zoom_selection"] = _action(window, "Zoom to &selection", window.view.zoom_to_selection, "Ctrl+2")
    collapse = QAction("Co&llapse AZ copies", window)
    collapse.setCheckable(True)
    collapse.setToolTip("Draw each multi-AZ service once, with a badge saying in how many AZs it runs")
    _follow_collapse(window, collapse)
    actions["collapse_copies"] = collapse
    actions["vpc_overview"] = _action(window, "&VPC overview", window.show_vpc_overview, "Ctrl+Shift+O")
    snap = QAction("&Snap to grid and guides", window)
    snap.setCheckable(True)
    snap.setChecked(window.scene.snapper.enabled)
    snap.toggled.connect(lambda on: setattr(window.scene.snapper, "enabled", on))
    actions["snap"] = snap
    connect_mode = QAction("&Connect mode", window)
    connect_mode.setCheckable(True)
    connect_mode.setShortcut(QKeySequence("C"))
    connect_mode.toggled.connect(window.view.set_connect_mode)
    actions["connect_mode"] = connect_mode
    view_menu.addActions(
        [
            actions["zoom_in"],
            actions["zoom_out"],
            actions["fit"],
            actions["actual"],
            actions["zoom_selection"],
            snap,
            collapse,
            actions["vpc_overview"],
            connect_mode,
        ]
    )
    # Every panel can be closed; here it comes back.
    panels = view_menu.addMenu("&Panels")
    for dock in window.findChildren(QDockWidget):
        panels.addAction(dock.toggleViewAction())
    view_menu.addSeparator()
    actions["present"] = _action(window, "&Present the review", window.present, "Shift+F5")
    view_menu.addAction(actions["present"])


def _insert_menu(window: MainWindow, actions: dict[str, QAction]) -> None:
    insert = window.menuBar().addMenu("&Insert")
    entries: tuple[tuple[AnnotationKind, str], ...] = (
        ("note", "&Note"),
        ("callout", "&Callout on the selected node"),
        ("users", "&Users"),
        ("internet", "&Internet"),
        ("corporate", "Corporate &data center"),
    )
    for kind, text in entries:
        actions[f"insert_{kind}"] = _action(window, text, partial(insert_annotation, window, kind))
        insert.addAction(actions[f"insert_{kind}"])


def _tools_menu(window: MainWindow, actions: dict[str, QAction]) -> None:
    tools = window.menuBar().addMenu("&Tools")
    actions["validate"] = _action(window, "&Validate now", window.runner.start, "F5")
    actions["arrange"] = _action(window, "&Arrange", window.document.arrange, "Ctrl+Shift+L")
    actions["compare"] = _action(window, "&Compare with a design…", window.compare_dialog)
    tools.addActions([actions["validate"], actions["arrange"], actions["compare"]])
