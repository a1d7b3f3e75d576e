"""Presentation mode, driven with the keyboard through qtbot in a real main window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from archbuilder.exporters.report.gather import gather
from archbuilder.exporters.report.priorities import presentation_order
from archbuilder.resource_files import example_path
from archbuilder.ui.main_window import MainWindow
from archbuilder.ui.presentation import PresentationWindow
from archbuilder.ui.presentation_items import CALLOUT_RADIUS
from archbuilder.validation import Pillar

MVP = Path(str(example_path("startup-mvp")))
THREE_TIER = Path(str(example_path("three-tier-web")))


def _present(window: MainWindow, qtbot, path: Path = MVP) -> PresentationWindow:  # type: ignore[no-untyped-def]
    window.open_path(path)
    presenting = window.present(full_screen=False)
    qtbot.waitExposed(presenting)
    return presenting


def test_the_menu_opens_the_review_full_screen(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.open_path(MVP)
    action = window.menu_actions["present"]
    assert (action.text(), action.shortcut().toString()) == ("&Present the review", "Shift+F5")
    action.trigger()
    presenting = next(w for w in window.findChildren(PresentationWindow))
    qtbot.waitExposed(presenting)
    assert presenting.isFullScreen() and presenting.index == -1
    qtbot.keyClick(presenting, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not presenting.isVisible())


def test_the_arrow_keys_step_through_the_findings_by_priority(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    presenting = _present(window, qtbot)
    review = gather(window.document.architecture, with_diagram=False)
    expected = presentation_order(review.actions, "priority")
    assert [f.rule_id for f in presenting.steps()] == [f.rule_id for f in expected]
    assert "press → to step through them" in presenting.card.text()
    seen = []
    for _ in expected:
        qtbot.keyClick(presenting, Qt.Key.Key_Right)
        finding = presenting.current()
        assert finding is not None
        seen.append(finding)
        # The finding is shown large, with its callout number when it is one of the top actions.
        card = presenting.card.text()
        assert finding.message.replace("“", "“") in card.replace("&quot;", '"')
        action = review.action_of(finding)
        assert (
            (f"callout {action.number} · " in card) == (action is not None)
            if action
            else "callout" not in card
        )
    assert seen == expected
    qtbot.keyClick(presenting, Qt.Key.Key_Right)  # past the last: stays on it
    assert presenting.index == len(expected) - 1
    qtbot.keyClick(presenting, Qt.Key.Key_Left)
    assert presenting.current() == expected[-2]
    qtbot.keyClick(presenting, Qt.Key.Key_Home)
    assert presenting.index == -1 and presenting.halos == []


def test_each_step_centres_and_rings_its_services(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    presenting = _present(window, qtbot)
    qtbot.keyClick(presenting, Qt.Key.Key_Right)
    finding = (
        presenting.current()
    )  # the first action: SSH open to the world on the web server, a low-effort fix
    assert finding is not None and (finding.rule_id, finding.node_ids) == ("SEC-001", ("web",))
    items = presenting.scene.node_items()
    assert [h.rect().center() for h in presenting.halos] == [items["web"].sceneBoundingRect().center()]
    visible = presenting.view.mapToScene(presenting.view.viewport().rect()).boundingRect()
    centre = items["web"].sceneBoundingRect().center()
    assert visible.contains(items["web"].sceneBoundingRect())
    assert abs(visible.center().x() - centre.x()) < visible.width() * 0.1
    assert abs(visible.center().y() - centre.y()) < visible.height() * 0.1
    qtbot.keyClick(presenting, Qt.Key.Key_Right)  # the second: the database reachable from the internet
    finding = presenting.current()
    assert finding is not None and (finding.rule_id, finding.node_ids) == ("SEC-004", ("db",))
    assert [h.rect().center() for h in presenting.halos] == [items["db"].sceneBoundingRect().center()]
    visible = presenting.view.mapToScene(presenting.view.viewport().rect()).boundingRect()
    centre = items["db"].sceneBoundingRect().center()
    assert visible.contains(items["db"].sceneBoundingRect())
    assert abs(visible.center().x() - centre.x()) < visible.width() * 0.1
    assert abs(visible.center().y() - centre.y()) < visible.height() * 0.1
    # A finding about the whole design rings nothing and shows all of it.
    while presenting.current() is not None and presenting.current().node_ids:  # type: ignore[union-attr]
        qtbot.keyClick(presenting, Qt.Key.Key_Right)
    assert presenting.current() is not None and presenting.halos == []


def test_g_and_p_switch_between_pillar_and_priority_keeping_the_finding(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    presenting = _present(window, qtbot)
    for _ in range(3):
        qtbot.keyClick(presenting, Qt.Key.Key_Right)
    current = presenting.current()
    qtbot.keyClick(presenting, Qt.Key.Key_G)
    assert presenting.order == "pillar" and presenting.order_box.currentText() == "By pillar"
    assert presenting.current() == current
    pillars = [f.pillar for f in presenting.steps()]
    assert pillars == sorted(pillars, key=list(Pillar).index)
    qtbot.keyClick(presenting, Qt.Key.Key_P)
    assert presenting.order == "priority" and presenting.current() == current


def test_the_callouts_carry_the_top_actions_numbers_at_their_services(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    presenting = _present(window, qtbot)
    review = presenting.review
    placed = {(node, c.number) for node, marks in presenting.callouts.items() for c in marks}
    assert placed == {(node, a.number) for a in review.top_actions for node in a.node_ids}
    # Along the icon's top edge to its corner, then down its right edge: the report diagram's slots.
    db = sorted(presenting.callouts["db"], key=lambda c: (c.pos().y(), c.pos().x()))
    assert (
        [c.number for c in db] == [a.number for a in review.top_actions if "db" in a.node_ids] == [2, 3, 4, 5]
    )
    step = 2.3 * CALLOUT_RADIUS
    x, y = db[2].pos().x(), db[2].pos().y()  # the third, on the corner
    offsets = [(round(c.pos().x() - x, 6), round(c.pos().y() - y, 6)) for c in db]
    assert offsets == [(round(-2 * step, 6), 0), (round(-step, 6), 0), (0, 0), (0, round(step, 6))]


def test_the_layer_toggle_shows_one_kind_of_service(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    presenting = _present(window, qtbot, THREE_TIER)
    architecture = window.document.architecture
    services = {s.id: architecture.catalog.get(s.type).category.value for s in architecture.services()}
    qtbot.keyClick(presenting, Qt.Key.Key_2)
    assert presenting.layer_box.currentText() == "Network"
    assert presenting.visible_services() == sorted(
        i for i, c in services.items() if c in ("networking", "content_delivery")
    )
    lines = presenting.scene.connection_item
    assert lines("dns-to-web-alb").isVisible() and not lines("app-asg-to-orders-db").isVisible()
    qtbot.keyClick(presenting, Qt.Key.Key_3)
    assert presenting.visible_services() == sorted(
        i for i, c in services.items() if c in ("database", "storage")
    )
    assert not lines("app-asg-to-orders-db").isVisible()  # its source is a server, not data
    qtbot.keyClick(presenting, Qt.Key.Key_4)
    assert presenting.visible_services() == sorted(i for i, c in services.items() if c == "security")
    qtbot.keyClick(presenting, Qt.Key.Key_1)
    assert presenting.visible_services() == sorted(services)
    assert all(lines(c).isVisible() for c in architecture.connections)
    # Presenting never edits: the design is unchanged after all the keys.
    assert window.document.undo_stack.count() == 0
