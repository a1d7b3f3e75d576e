"""Test set-up: Qt must render offscreen, decided before anything imports Qt."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

# Without a display and without this, pytest-qt's QApplication aborts the whole run with no message.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
# The catalog index of this run (and of the commands it starts) goes to a folder of its own, never the user's.
if "ARCHBUILDER_CACHE_DIR" not in os.environ:
    os.environ["ARCHBUILDER_CACHE_DIR"] = tempfile.mkdtemp(prefix="archbuilder-test-cache-")
    atexit.register(shutil.rmtree, os.environ["ARCHBUILDER_CACHE_DIR"], True)


import pytest


@pytest.fixture(autouse=True)
def _no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal dialog has no one to answer it in a test run: fail loudly instead of blocking or exiting."""
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a modal dialog opened during a test; answer it through the window's hooks")

    for name in ("question", "warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, refuse)
    for name in ("getOpenFileName", "getSaveFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, refuse)
    monkeypatch.setattr(QInputDialog, "getText", refuse)


@pytest.fixture(scope="session", autouse=True)
def _widgets_application(qapp: object) -> None:
    """One QApplication for the whole run, made first: the PDF report makes a bare QGuiApplication when none
    exists (right for the headless CLI), and widgets built on that one crash the process."""
