"""Starts the desktop app: `archbuilder gui [FILE] [--screenshot OUT.png]`."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def _no_display() -> bool:
    return not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM")
    )


def run(file: str | None = None, screenshot: str | None = None) -> int:
    if screenshot and _no_display():
        # No screen: render offscreen; the screenshot is painted by Qt itself.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    elif _no_display():
        # Qt would abort the process with advice to reinstall it; the real cause is simpler.
        print(
            "archbuilder: error: no display to open the window on (DISPLAY and WAYLAND_DISPLAY are not set); "
            "--screenshot OUT.png renders without one",
            file=sys.stderr,
        )
        return 2
    if screenshot and file:
        # Without a user to close it, an error dialog would wait forever: the file is checked here first.
        from archbuilder.model import DocumentError, load

        try:
            load(file)
        except DocumentError as exc:
            print(f"archbuilder: error: {exc}", file=sys.stderr)
            return 2
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
