"""Files, import, export, layout and recovery locks of the real main window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox

from archbuilder.cli.main import main
from archbuilder.editor.autosave import find_recoverable
from archbuilder.exporters.registry import available_formats
from archbuilder.model import dumps, load
from archbuilder.resource_files import example_path
from archbuilder.ui.main_window import MainWindow

THREE_TIER = Path(str(example_path("three-tier-web")))
CORPUS = Path(__file__).parents[1] / "fixtures" / "corpus"


def menu_titles(window: MainWindow, *path: str) -> list[str]:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == path[0])
    for name in path[1:]:
        menu = next(a.menu() for a in menu.actions() if a.text() == name)
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_menus_offer_every_export_format_and_the_importers(window: MainWindow) -> None:
    titles = menu_titles(window, "&File", "&Export")
    assert titles == [fmt.description for fmt in available_formats()]
    assert titles[-5:] == [
        "Review report (report.html)",
        "Review report (report.pdf)",
        "Review report (report.md)",
        "Review slides (report.pptx)",
        "Well-Architected custom lens (wa-lens.json)",
    ]
    assert menu_titles(window, "&File", "&Import") == [
        "CloudFormation template…",
        "Terraform file…",
        "Terraform folder…",
    ]
    assert "Three tier web" in menu_titles(window, "&File", "New from &example")


def test_standard_shortcuts(window: MainWindow) -> None:
    actions = window.menu_actions
    standard = QKeySequence.StandardKey
    for name, key in (
        ("new", standard.New),
        ("open", standard.Open),
        ("save", standard.Save),
        ("undo", standard.Undo),
        ("redo", standard.Redo),
        ("copy", standard.Copy),
        ("paste", standard.Paste),
        ("delete", standard.Delete),
    ):
        assert actions[name].shortcut() == QKeySequence(key), name


def test_export_writes_the_files_and_says_where(window: MainWindow, tmp_path: Path) -> None:
    window.open_path(THREE_TIER)
    written = window.export_to("cloudformation", tmp_path / "out")
    assert written == [tmp_path / "out" / "template.yaml"]
    assert "AWS::RDS::DBInstance" in written[0].read_text(encoding="utf-8")
    assert window.statusBar().currentMessage() == f"Exported template.yaml to {tmp_path / 'out'}"


def test_export_the_review_report_as_html_and_pdf(window: MainWindow, tmp_path: Path) -> None:
    window.open_path(THREE_TIER)
    assert window.export_to("report-html", tmp_path / "review") == [tmp_path / "review" / "report.html"]
    html = (tmp_path / "review" / "report.html").read_text(encoding="utf-8")
    assert "Three-tier web application" in html
    assert window.export_to("report-pdf", tmp_path / "review") == [tmp_path / "review" / "report.pdf"]
    assert (tmp_path / "review" / "report.pdf").read_bytes().startswith(b"%PDF-")
    # The same pipeline as `archbuilder report`: the same design gives the same bytes.
    assert main(["report", str(THREE_TIER), "-o", str(tmp_path / "cli"), "--format", "pdf"]) == 0
    assert (tmp_path / "cli" / "report.pdf").read_bytes() == (tmp_path / "review" / "report.pdf").read_bytes()


def test_a_failed_export_shows_a_dialog_not_a_traceback(
    window: MainWindow, tmp_path: Path, errors: list[tuple[str, str]]
) -> None:
    window.open_path(THREE_TIER)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    assert window.export_to("terraform", blocker) == []
    assert errors == [("Export failed", f"{blocker}: exists and is not a folder")]
    assert window.isVisible()


def test_new_from_an_example_is_an_unsaved_copy(window: MainWindow) -> None:
    window.new_document("serverless-api")
    assert dumps(window.document.architecture) == dumps(load(example_path("serverless-api")))
    assert window.document.path is None
    assert window.windowTitle() == "Serverless API[*] — archbuilder"
    assert not window.isWindowModified()


def test_title_marks_unsaved_changes(window: MainWindow) -> None:
    window.open_path(THREE_TIER)
    assert window.windowTitle() == "Three-tier web application — three-tier-web.arch.json[*] — archbuilder"
    window.document.move_items({"orders-db": (1.0, 1.0)})
    assert window.isWindowModified()
    window.menu_actions["undo"].trigger()
    assert not window.isWindowModified()


def test_import_a_cloudformation_template_as_a_new_unsaved_design(window: MainWindow) -> None:
    source = CORPUS / "VPC_VPC_With_Managed_NAT_And_Private_Subnet.yaml"
    assert window.import_path(source)
    assert window.document.architecture.node("vpc").kind == "vpc"
    assert window.document.architecture.node("publicsubnet0").kind == "subnet"
    assert window.document.path is None
    assert window.document.is_modified and window.isWindowModified()
    assert window.document.undo_stack.count() == 0
    assert window.statusBar().currentMessage().startswith(f"Imported {source.name}: ")


def test_a_broken_template_is_refused_in_a_dialog_and_the_design_kept(
    window: MainWindow, tmp_path: Path, errors: list[tuple[str, str]]
) -> None:
    window.open_path(THREE_TIER)
    before = dumps(window.document.architecture)
    bad = tmp_path / "bad.yaml"
    bad.write_text("Resources: [\n", encoding="utf-8")
    assert not window.import_path(bad)
    [(title, text)] = errors
    assert title == "Cannot import" and text.startswith(str(bad))
    assert dumps(window.document.architecture) == before
    assert window.document.path == THREE_TIER


def test_a_corrupt_document_is_refused_in_a_dialog(
    window: MainWindow, tmp_path: Path, errors: list[tuple[str, str]]
) -> None:
    bad = tmp_path / "bad.arch.json"
    bad.write_text("{not json", encoding="utf-8")
    assert not window.open_path(bad)
    [(title, text)] = errors
    assert title == "Cannot open document" and str(bad) in text
    assert window.document.path is None


def test_recent_files_newest_first_without_duplicates(window: MainWindow, tmp_path: Path) -> None:
    first, second = tmp_path / "a.arch.json", tmp_path / "b.arch.json"
    for target in (first, second):
        target.write_bytes(THREE_TIER.read_bytes())
    window.open_path(first)
    window.open_path(second)
    window.open_path(first)
    assert window.recent_files() == [str(first.resolve()), str(second.resolve())]


def test_dock_layout_is_restored_from_settings(qtbot, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat)
    first = MainWindow(settings=settings, recovery_dir=tmp_path / "r1")
    qtbot.addWidget(first)
    first.show()
    tips = first.findChild(type(first.tips.parentWidget()), "dock-tips")
    assert tips is not None
    tips.hide()
    first.close()
    second = MainWindow(settings=settings, recovery_dir=tmp_path / "r2")
    qtbot.addWidget(second)
    second.restore_layout()
    second.show()
    assert second.findChild(type(tips), "dock-tips").isHidden()  # type: ignore[union-attr]
    assert not second.findChild(type(tips), "dock-findings").isHidden()  # type: ignore[union-attr]


def test_a_second_instance_does_not_take_live_recovery_files(qtbot, tmp_path: Path) -> None:
    folder = tmp_path / "recovery"
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    running = MainWindow(settings=settings, recovery_dir=folder)
    running.ask_unsaved = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    qtbot.addWidget(running)
    running.open_path(THREE_TIER)
    running.document.move_items({"orders-db": (2.0, 3.0)})
    assert running.autosaver.save_now()
    assert running.autosaver.recovery_file.exists()
    second = MainWindow(settings=settings, recovery_dir=folder)
    qtbot.addWidget(second)
    assert find_recoverable(folder) == []  # the first instance is alive: its work is not offered
    assert running.autosaver.recovery_file.exists()
    assert THREE_TIER.read_bytes() == Path(str(example_path("three-tier-web"))).read_bytes()


def test_save_as_suggests_the_design_name_in_the_folder_used_last(window: MainWindow, tmp_path: Path) -> None:
    window.document.set_metadata("name", "Shop: orders & payments")
    folder = tmp_path / "designs"
    folder.mkdir()
    assert window._save_to(folder / "first.arch.json")
    window.new_document()
    window.document.set_metadata("name", "Shop: orders & payments")
    assert window.suggested_save_path() == folder / "shop-orders-payments.arch.json"
    assert window._save_to(folder / "second.arch.json")
    assert window.suggested_save_path() == folder / "second.arch.json"  # a saved design suggests its own file
