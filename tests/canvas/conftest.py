"""Canvas fixtures: a real scene and view on a stand-in document holding a small network."""

from __future__ import annotations

import pytest

from archbuilder.canvas.scene import ArchitectureScene
from archbuilder.canvas.view import ArchitectureView
from tests.canvas.support import StandInDocument, network


@pytest.fixture
def document(qapp) -> StandInDocument:
    return StandInDocument(network())


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
