"""Regenerates docs/screenshots/: every bundled example on the canvas and in its PNG export, kept small (at most
900 px wide, 256 colours) so the repository stays light.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/docs_screenshots.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from archbuilder.canvas.items.connection_item import ConnectionItem
from archbuilder.canvas.scene import ArchitectureScene
from archbuilder.canvas.view import ArchitectureView
from archbuilder.editor.document import Document
from archbuilder.exporters.diagram.build import render
from archbuilder.model import load
from archbuilder.resource_files import example_names, example_path

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
WIDTH = 900


def small(image: QImage) -> QImage:
    """At most WIDTH wide, in an 8-bit palette (a diagram has few colours; the file is a third the size)."""
    if image.width() > WIDTH:
        image = image.scaledToWidth(WIDTH, Qt.TransformationMode.SmoothTransformation)
    return image.convertToFormat(QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.ThresholdDither)


def canvas_image(name: str) -> QImage:
    """The example as the canvas draws it at full detail: routed connections, captions, badges."""
    document = Document(load(Path(str(example_path(name)))))
    scene = ArchitectureScene(document)
    view = ArchitectureView(scene)
    view.resize(1400, 1000)
    view.show()
    view.reset_zoom()
    QApplication.processEvents()
    scene.route_pending()
    scene.realize_labels(scene.itemsBoundingRect())
    scene.place_pending_captions()
    area = scene.nodes_rect().adjusted(-30, -30, 30, 30)
    for item in scene.annotations.items.values():
        area = area.united(item.sceneBoundingRect())
    for connection in scene.items():  # captions may sit outside every node (beside a line along a border)
        caption = connection.label_scene_rect() if isinstance(connection, ConnectionItem) else None
        if caption is not None:
            area = area.united(caption.adjusted(-10, -10, 10, 10))
    image = QImage(int(area.width()), int(area.height()), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
    scene.render(painter, QRectF(image.rect()), area)
    painter.end()
    view.close()
    return image


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    OUT.mkdir(parents=True, exist_ok=True)
    for name in example_names():
        small(canvas_image(name)).save(str(OUT / f"{name}-canvas.png"), "PNG", 9)
        exported = QImage.fromData(render(load(Path(str(example_path(name)))), "png"))
        small(exported).save(str(OUT / f"{name}-diagram.png"), "PNG", 9)
        print(f"wrote {OUT / name}-canvas.png and -diagram.png")
    del app


if __name__ == "__main__":
    main()
