"""Undo commands: each wraps one model change (or one gesture's changes) as a labelled QUndoCommand."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

from archbuilder.model import InvariantError

Action = Callable[[], None]


class ModelCommand(QUndoCommand):
    """Runs `apply` on redo and `revert` on undo. The first redo is the one `push_model_command` already ran,
    so pushing does not apply the change twice."""

    def __init__(self, text: str, apply: Action, revert: Action) -> None:
        super().__init__(text)
        self._apply = apply
        self._revert = revert
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._apply()

    def undo(self) -> None:
        self._revert()


def push_model_command(stack: QUndoStack, text: str, apply: Action, revert: Action) -> None:
    """Apply the change now; only if the model accepts it does it become an undo step.

    A change that fails half-way is reverted before the error propagates, so a refused gesture leaves
    neither the model nor the stack changed.
    """
    try:
        apply()
    except InvariantError:
        # The change may have failed before touching anything revert would restore.
        with contextlib.suppress(InvariantError, KeyError, ValueError):
            revert()
        raise
    stack.push(ModelCommand(text, apply, revert))
