"""Starts the desktop app: `archbuilder gui [FILE] [--screenshot OUT.png]`."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any


def _no_display() -> bool:
    return not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM")
    )


def run(file: str | None = None, screenshot: str | None = None) -> int:
    problem = _cannot_start(file, screenshot)
    if problem is not None:
        print(f"archbuilder: error: {problem}", file=sys.stderr)
        return 2
    from PySide6.QtWidgets import QApplication

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
        return _screenshot(app, window, screenshot)
    return app.exec()


def _cannot_start(file: str | None, screenshot: str | None) -> str | None:
    """Why the window cannot open (no display, or a screenshot of a file that cannot be read); None if it can."""
    if screenshot and _no_display():
        # No screen: render offscreen; the screenshot is painted by Qt itself.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    elif _no_display():
        # Qt would abort the process with advice to reinstall it; the real cause is simpler.
        return (
            "no display to open the window on (DISPLAY and WAYLAND_DISPLAY are not set); "
            "--screenshot OUT.png renders without one"
        )
    if screenshot and file:
        # Without a user to close it, an error dialog would wait forever: the file is checked here first.
        from archbuilder.model import DocumentError, load

        try:
            load(file)
        except DocumentError as exc:
            return str(exc)
    return None


def _screenshot(app: Any, window: Any, path: str) -> int:
    """Paint the window, findings and minimap included, into `path` and close it."""
    window.runner.run_now()
    window.minimap.refresh()
    app.processEvents()
    image = window.grab()
    ok = image.save(path)
    window.autosaver.shutdown()
    window.close()
    if not ok:
        print(f"archbuilder: error: could not write {path}", file=sys.stderr)
        return 2
    print(f"wrote {path}")
    return 0
