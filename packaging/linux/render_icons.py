"""Renders the application icon SVG to the hicolor PNG sizes with Qt's own SVG renderer.

Run after editing the SVG:  .venv/bin/python packaging/linux/render_icons.py
The PNGs are committed so that installing needs neither Qt nor a build step; a test checks that
they still match what this script renders from the SVG.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

APP_ID = "io.github.archbuilder.archbuilder"
ICON_DIR = Path(__file__).resolve().parent / "icons"
SVG_PATH = ICON_DIR / f"{APP_ID}.svg"
# The sizes desktop environments look up in the hicolor theme (menus, docks, launchers, HiDPI).
PNG_SIZES = (16, 32, 48, 64, 128, 256)


def png_path(size: int) -> Path:
    return ICON_DIR / f"{size}x{size}" / f"{APP_ID}.png"


def render(svg_path: Path, size: int) -> QImage:
    """The SVG drawn into a transparent size×size image."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg_path))
    if not renderer.isValid():
        raise ValueError(f"{svg_path}: not a valid SVG for Qt's renderer")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
    finally:
        painter.end()
    return image


def main() -> int:
    # A QGuiApplication is not needed for QImage painting, but fonts and plugins expect a platform.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for size in PNG_SIZES:
        target = png_path(size)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(SVG_PATH, size).save(str(target)):
            print(f"render_icons: could not write {target}", file=sys.stderr)
            return 1
        print(target.relative_to(ICON_DIR.parent))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
