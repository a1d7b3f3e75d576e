"""Span items in the real main window: the three-tier example shows its multi-AZ services in AZ b, a click
on a span selects the service in the inspector, and the inspector's subnet list adds and removes spans."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QSettings
from PySide6.QtWidgets import QListWidget, QMessageBox

from archbuilder.resource_files import example_path
from archbuilder.ui.main_window import MainWindow
from tests.canvas.helpers import click


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings, recovery_dir=tmp_path / "recovery")
    window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_click_on_a_span_inspects_the_service_and_the_subnet_list_edits_spans(qtbot, window) -> None:
    assert window.open_path(Path(str(example_path("three-tier-web"))))
    scene = window.scene
    assert sorted((s.service_id, s.subnet_id) for s in scene.spans.all_items()) == [
        ("app-asg", "app-b"),
        ("orders-db", "data-b"),
        ("web-alb", "public-b"),
    ]
    span = next(s for s in scene.span_items("web-alb"))
    window.view.reset_zoom()
    window.view.centerOn(span.sceneBoundingRect().center())
    click(qtbot, window.view, span.mapToScene(QPointF(48, 30)))
    assert scene.selected_node_ids() == ["web-alb"]
    assert "web-alb" in window.properties.title.text()
    assert span.highlighted
    subnets = window.properties.editors["extra_subnet_ids"]
    assert isinstance(subnets, QListWidget)
    for row in range(subnets.count()):
        if subnets.item(row).text().startswith("Public subnet b"):
            subnets.item(row).setCheckState(subnets.item(row).checkState().Unchecked)
    assert scene.span_items("web-alb") == []
    window.document.undo_stack.undo()
    restored = scene.span_items("web-alb")
    assert [(s.subnet_id, s.pos().toTuple()) for s in restored] == [("public-b", (20.0, 40.0))]
