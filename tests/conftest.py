"""Test set-up: Qt must render offscreen, decided before anything imports Qt."""

from __future__ import annotations

import os

# Without a display and without this, pytest-qt's QApplication aborts the whole run with no message.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
