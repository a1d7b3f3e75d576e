"""Canvas fixtures: a real scene and view on a stand-in document holding a small network."""

from __future__ import annotations

import pytest

from archbuilder.canvas.scene import ArchitectureScene
from archbuilder.canvas.view import ArchitectureView
from archbuilder.editor.document import Document
from tests.canvas.support import network


@pytest.fixture
def document(qapp) -> Document:
    document = Document(network())
    document.messages = []  # type: ignore[attr-defined]
    document.status_message.connect(document.messages.append)  # type: ignore[attr-defined]
    return document


@pytest.fixture
def scene(document) -> ArchitectureScene:
    return ArchitectureScene(document)


@pytest.fixture
def view(qtbot, scene) -> ArchitectureView:
    view = ArchitectureView(scene)
    qtbot.addWidget(view)
    view.resize(1200, 900)
    view.show()
    qtbot.waitExposed(view)
    view.reset_zoom()
    view.centerOn(540, 420)
    return view
