"""The review as PDF, through Qt's rich-text engine (QtGui only; no display needed)."""

from __future__ import annotations

import os
from pathlib import Path


def write_pdf(html: str, diagram_png: bytes | None, target: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QMarginsF, QUrl
    from PySide6.QtGui import QGuiApplication, QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

    _app = QGuiApplication.instance() or QGuiApplication([])
    document = QTextDocument()
    if diagram_png is not None:
        image = QImage.fromData(diagram_png)
        # Scale the diagram to the printable width; QTextDocument does not shrink images itself.
        document.addResource(
            QTextDocument.ResourceType.ImageResource,
            QUrl("diagram.png"),
            image.scaledToWidth(min(image.width(), 1400)),
        )
    document.setHtml(html)
    writer = QPdfWriter(str(target))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setResolution(150)
    document.setPageSize(writer.pageLayout().paintRectPixels(writer.resolution()).size().toSizeF())
    document.print_(writer)
