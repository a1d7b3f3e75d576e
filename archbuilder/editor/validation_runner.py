"""Re-validates the document shortly after edits stop, so findings stay live without slowing typing or drags."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from archbuilder.editor.document import Document
from archbuilder.validation import ValidationResult, validate


class ValidationRunner(QObject):
    finished = Signal(object)  # ValidationResult
    pending = Signal()  # an edit made the last result stale; a new one is coming

    def __init__(self, document: Document, delay_ms: int = 250) -> None:
        super().__init__(document)
        self._document = document
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.run_now)
        self.result: ValidationResult | None = None
        document.changed.connect(self.schedule)

    @Slot()
    def schedule(self) -> None:
        self._timer.start()
        self.pending.emit()

    def run_now(self) -> ValidationResult:
        self._timer.stop()
        self.pending.emit()
        self.result = validate(self._document.architecture)
        self.finished.emit(self.result)
        return self.result
