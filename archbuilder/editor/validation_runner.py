"""Checks the design (validation and the cost estimate) shortly after edits stop, in a worker thread, so the
window never freezes on a big design; the findings shown are always those of the design as it is.

The worker reads a snapshot of the design (model/snapshot.py) and touches no Qt object: the UI thread takes
the snapshot, starts the check, and polls for its end with a timer. A result is applied only if the document
has not changed since its snapshot was taken (nor the cost scenario); otherwise the design is checked again.

The cyclic garbage collector is paused from before the worker starts until the UI thread sees it ended: a
collection run in the worker could free a cycle holding Qt wrappers, and Qt objects must be deleted in the
thread they live in. While a check runs the GIL changes hands more often (SWITCH_INTERVAL_S), so the canvas,
which calls into Python for every item it paints, stays smooth.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal, Slot

from archbuilder.cost.estimate import CostEstimate, estimate
from archbuilder.cost.formats import money
from archbuilder.cost.quotes import quote_findings
from archbuilder.editor.document import Document
from archbuilder.gc_pause import pause, resume
from archbuilder.model import Architecture
from archbuilder.model.snapshot import snapshot
from archbuilder.model.usage import Scenario
from archbuilder.validation import ValidationResult, validate

POLL_MS = 15  # how often the UI thread looks whether the worker is done
# While a check runs, the interpreter hands the GIL over every millisecond instead of every five: painting the
# canvas calls into Python for each item, and each call waits for the worker to let go of the GIL; at 5 ms a
# frame of a big design took a quarter of a second (measured: 3 event-loop rounds in 0.8 s of checking at 3,000
# services, 36 in 0.5 s at 1 ms, the check itself no slower).
SWITCH_INTERVAL_S = 0.001
_switch_lock = threading.Lock()
_checks_running = 0
_usual_switch_interval = sys.getswitchinterval()


def _check_started() -> None:
    global _checks_running, _usual_switch_interval
    with _switch_lock:
        if _checks_running == 0:
            _usual_switch_interval = sys.getswitchinterval()
            sys.setswitchinterval(min(SWITCH_INTERVAL_S, _usual_switch_interval))
        _checks_running += 1
    pause()


def _check_ended() -> None:
    global _checks_running
    resume()
    with _switch_lock:
        _checks_running -= 1
        if _checks_running == 0:
            sys.setswitchinterval(_usual_switch_interval)


@dataclass
class Checked:
    """What checking a design gives the window: the findings (cost findings quoting money), the cost estimate
    and each service's cost as its tooltip says it."""

    result: ValidationResult
    estimate: CostEstimate
    costs: dict[str, str]


def check_design(architecture: Architecture, scenario: Scenario) -> Checked:
    """Validation and cost of a design at a usage scenario; pure, so it runs in any thread."""
    result = validate(architecture)
    cost = estimate(architecture, scenario)
    labels = {node.id: node.label for node in architecture.services()}
    result.findings = quote_findings(result.findings, cost, labels)  # cost findings quote money
    costs = {
        node_id: f"{money(amount)}/month at {cost.scenario.value} usage"
        for node_id, amount in cost.by_node().items()
    }
    return Checked(result, cost, costs)


class ValidationRunner(QObject):
    finished = Signal(object)  # Checked, for the design as it is
    pending = Signal()  # an edit made the last result stale; a new one is coming
    failed = Signal(object)  # the exception a check raised

    def __init__(
        self,
        document: Document,
        delay_ms: int = 250,
        scenario: Callable[[], Scenario] = lambda: Scenario.EXPECTED,
    ) -> None:
        super().__init__(document)
        self._document = document
        self._scenario = scenario
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.start)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._collect)
        self._running: _Check | None = None
        self._closed = False
        self._revision = 0  # counts the document's changes: a result is of the revision its snapshot was
        self._waiting = False  # run_now is waiting: a failure is raised to its caller
        self._error: BaseException | None = None
        self.result: ValidationResult | None = None
        self.checked: Checked | None = None
        document.changed.connect(self._on_changed)

    @property
    def busy(self) -> bool:
        """A check is running or waiting to start."""
        return self._running is not None or self._timer.isActive()

    @Slot()
    def _on_changed(self) -> None:
        self._revision += 1
        self.schedule()

    @Slot()
    def schedule(self) -> None:
        """Check once edits have stopped for the delay."""
        if self._closed:
            return
        self._timer.start()
        self.pending.emit()

    @Slot()
    def start(self) -> None:
        """Check the design as it is now, in the worker (after the one running, if one is)."""
        self._timer.stop()
        if self._closed:
            return
        self.pending.emit()
        if self._running is None:
            self._launch()

    def run_now(self) -> ValidationResult:
        """Check now and wait for the result, the event loop running meanwhile: for screenshots and scripts."""
        if self._closed:
            raise RuntimeError("the window is closed: nothing is checked any more")
        loop = QEventLoop()
        self.finished.connect(loop.quit)
        self.failed.connect(loop.quit)
        self._waiting, self._error = True, None
        try:
            self.start()
            loop.exec()
        finally:
            self._waiting = False
            self.finished.disconnect(loop.quit)
            self.failed.disconnect(loop.quit)
        if self._error is not None:
            raise self._error
        assert self.result is not None
        return self.result

    def shutdown(self) -> None:
        """Stop taking new checks (the window is closing); one running ends on its own and is collected, its
        result dropped."""
        self._closed = True
        self._timer.stop()

    def _launch(self) -> None:
        scenario = self._scenario()
        self._running = _Check(snapshot(self._document.architecture), scenario, self._revision)
        self._poll.start()

    @Slot()
    def _collect(self) -> None:
        check = self._running
        if check is None or check.is_alive():
            return
        self._poll.stop()
        self._running = None
        try:
            checked = check.outcome()
        except Exception as exc:  # a bug in a rule: raised in the UI thread, to run_now's caller if it waits
            self._error = exc
            self.failed.emit(exc)
            if self._waiting:
                return
            raise
        if self._closed:
            return
        if check.revision == self._revision and check.scenario == self._scenario():
            self.checked, self.result = checked, checked.result
            self.finished.emit(checked)
        elif not self._timer.isActive():
            self._launch()  # changed while checking, and no edit is under way: check it again


class _Check:
    """One check in a worker thread of its own, with the garbage collector paused until it has ended."""

    def __init__(self, architecture: Architecture, scenario: Scenario, revision: int) -> None:
        self.scenario, self.revision = scenario, revision
        self._checked: Checked | None = None
        self._error: BaseException | None = None
        _check_started()
        self._resumed = False
        self._thread = threading.Thread(
            target=self._run, args=(architecture,), name="archbuilder-check", daemon=True
        )
        self._thread.start()

    def _run(self, architecture: Architecture) -> None:
        try:
            self._checked = check_design(architecture, self.scenario)
        except BaseException as exc:  # handed to the UI thread, which raises it
            self._error = exc

    def is_alive(self) -> bool:
        alive = self._thread.is_alive()
        if not alive and not self._resumed:
            self._resumed = True
            _check_ended()
        return alive

    def __del__(self) -> None:
        # The window went away without collecting the check: collection must not stay paused for good.
        if not getattr(self, "_resumed", True):
            self._resumed = True
            _check_ended()

    def outcome(self) -> Checked:
        if self._error is not None:
            raise self._error
        assert self._checked is not None
        return self._checked
