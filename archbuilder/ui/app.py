"""Starts the desktop app: `archbuilder gui [FILE] [--screenshot OUT.png]`."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def run(file: str | None = None, screenshot: str | None = None) -> int:
    if screenshot and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        # No screen: render offscreen; the screenshot is painted by Qt itself.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QMessageBox

    from archbuilder import __version__
    from archbuilder.editor.autosave import default_recovery_dir, find_recoverable
    from archbuilder.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("archbuilder")
    app.setOrganizationName("archbuilder")
    app.setApplicationVersion(__version__)
    recovery = default_recovery_dir()
    leftovers = [] if screenshot else find_recoverable(recovery)
    window = MainWindow()
    if not screenshot:
        # Screenshots use the default layout so that docs look the same on every machine.
        window.restore_layout()
    window.show()
    app.processEvents()
    # Work lost in a crash comes first (asked over the window); the file named on the command line opens if none
    # is recovered.
    recovered = bool(leftovers) and window.offer_recovery(leftovers)
    if file and not recovered and not window.open_path(Path(file)) and screenshot:
        return 2
    app.processEvents()
    window.view.fit_all()
    if screenshot:
        window.runner.run_now()
        window.minimap.refresh()
        app.processEvents()
        image = window.grab()
        ok = image.save(screenshot)
        window.autosaver.shutdown()
        window.close()
        if not ok:
            print(f"archbuilder: error: could not write {screenshot}", file=sys.stderr)
            return 2
        print(f"wrote {screenshot}")
        return 0
    del QMessageBox
    return app.exec()
