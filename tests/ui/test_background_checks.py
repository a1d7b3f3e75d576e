"""A big design is checked (validation and cost) in a worker thread: the window keeps answering meanwhile,
and the findings shown are those a check made in place gives for the design as it is when they arrive."""

from __future__ import annotations

import gc
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QTimer

from archbuilder.editor import validation_runner
from archbuilder.editor.validation_runner import Checked, check_design
from archbuilder.model.layout import auto_layout
from archbuilder.model.usage import Scenario
from archbuilder.ui.main_window import MainWindow

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from bench_validation import generate

BIG = 3000  # services: about a fifth of a second to check, time for the event loop to go round many times


def _settled(window: MainWindow, qtbot) -> None:
    design = generate(BIG)
    auto_layout(design)  # laid out as a saved design is (generated, every node is at the origin)
    window.document.replace(design)
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=60_000)


def test_the_window_answers_while_a_big_design_is_checked_and_gets_the_findings_of_a_check_in_place(
    window: MainWindow, qtbot
) -> None:
    _settled(window, qtbot)
    answered: list[tuple[bool, str]] = []

    def click_a_service() -> None:  # what a user does meanwhile: select a service, read its properties
        window.scene.select_nodes(["v0-s0-web"])
        answered.append((window.runner.busy, window.properties.title.text()))

    emitted: list[Checked] = []
    window.runner.finished.connect(emitted.append)
    window.runner.start()
    assert window.runner.busy and window.findings.summary.text() == "Validating…"
    QTimer.singleShot(0, click_a_service)
    qtbot.waitUntil(lambda: bool(emitted), timeout=60_000)
    # Handled while the check ran: a check in the UI thread would have run it only after.
    assert answered == [(True, window.properties.title.text())] and answered[0][1].endswith("(v0-s0-web)")
    in_place = check_design(window.document.architecture, Scenario.EXPECTED)
    [checked] = emitted
    assert checked.result.findings == in_place.result.findings and len(in_place.result.findings) > 1000
    assert window.findings.result is checked.result
    assert window.scene.cost_texts == in_place.costs
    assert window.cost.total.text() == f"Cost: ${in_place.estimate.total:,.2f}/month"


def test_an_edit_made_during_a_check_is_checked_before_anything_is_shown(window: MainWindow, qtbot) -> None:
    _settled(window, qtbot)
    before = window.runner.checked
    assert before is not None
    [finding] = [f for f in before.result.findings if f.node_ids == ("v0-s0-db",)][:1]
    emitted: list[Checked] = []
    window.runner.finished.connect(emitted.append)
    window.runner.start()
    QTimer.singleShot(0, lambda: window.document.set_label("v0-s0-db", "Renamed mid-check"))
    qtbot.waitUntil(lambda: bool(emitted) and not window.runner.busy, timeout=60_000)
    # The check that was running when the label changed was dropped; only the one after the edit is shown.
    [checked] = emitted
    in_place = check_design(window.document.architecture, Scenario.EXPECTED)
    assert checked.result.findings == in_place.result.findings
    renamed = [
        f for f in checked.result.findings if f.rule_id == finding.rule_id and f.node_ids == finding.node_ids
    ]
    assert renamed and "Renamed mid-check" in renamed[0].message


def test_a_check_runs_in_a_worker_on_a_snapshot_and_collection_resumes_when_it_ends(
    window: MainWindow, qtbot, monkeypatch
) -> None:
    seen: list[tuple[str, bool, bool]] = []  # thread, whether it read the document's own model, gc enabled
    real = validation_runner.validate

    def recording(architecture):  # type: ignore[no-untyped-def]
        seen.append(
            (
                threading.current_thread().name,
                architecture is window.document.architecture,
                gc.isenabled(),
            )
        )
        return real(architecture)

    qtbot.waitUntil(lambda: not window.runner.busy)  # the check the window starts with
    interval = sys.getswitchinterval()
    monkeypatch.setattr(validation_runner, "validate", recording)
    assert gc.isenabled()
    window.runner.run_now()
    assert seen == [("archbuilder-check", False, False)]
    assert gc.isenabled() and not window.runner.busy and sys.getswitchinterval() == interval


def test_a_result_for_a_scenario_changed_meanwhile_is_dropped(window: MainWindow, qtbot) -> None:
    _settled(window, qtbot)
    emitted: list[Checked] = []
    window.runner.finished.connect(emitted.append)
    window.runner.start()
    QTimer.singleShot(0, lambda: window.cost.scenario_box.setCurrentIndex(2))  # high, while checking
    qtbot.waitUntil(lambda: bool(emitted) and not window.runner.busy, timeout=60_000)
    [checked] = emitted
    assert checked.estimate.scenario is Scenario.HIGH
    assert window.cost.total.text() == f"Cost: ${checked.estimate.total:,.2f}/month"


def test_a_failing_check_is_raised_to_whoever_waits_for_it(window: MainWindow, qtbot, monkeypatch) -> None:
    qtbot.waitUntil(lambda: not window.runner.busy)  # the check the window starts with

    def broken(architecture):  # type: ignore[no-untyped-def]
        raise ValueError("a rule broke")

    monkeypatch.setattr(validation_runner, "validate", broken)
    try:
        window.runner.run_now()
    except ValueError as exc:
        assert str(exc) == "a rule broke"
    else:
        raise AssertionError("run_now returned although the check failed")
    assert not window.runner.busy
