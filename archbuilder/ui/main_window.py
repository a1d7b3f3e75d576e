"""The main window: composes the canvas, the docks and the menus around one Document."""

from __future__ import annotations

import re
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from archbuilder.canvas.minimap import MiniMap
from archbuilder.canvas.scene import ArchitectureScene
from archbuilder.canvas.view import ArchitectureView
from archbuilder.editor.autosave import Autosaver, Recoverable, autosave_interval_ms, load_recoverable
from archbuilder.editor.document import Document
from archbuilder.editor.validation_runner import Checked, ValidationRunner
from archbuilder.exporters.registry import FORMATS, ExportError, export
from archbuilder.importers.cfn_yaml import TemplateError
from archbuilder.importers.cloudformation import import_template
from archbuilder.importers.terraform import import_terraform
from archbuilder.model import Architecture, DocumentError, load, loads
from archbuilder.model.serialization import saved_size_error
from archbuilder.resource_files import example_path
from archbuilder.ui.actions import build_actions
from archbuilder.ui.compare_window import CompareWindow
from archbuilder.ui.cost_panel import CostPanel
from archbuilder.ui.dialog_folders import start_folder
from archbuilder.ui.findings_panel import FindingsPanel
from archbuilder.ui.lockin_panel import LockinPanel
from archbuilder.ui.palette_panel import PalettePanel
from archbuilder.ui.preferences_dialog import PreferencesDialog
from archbuilder.ui.presentation import PresentationWindow
from archbuilder.ui.properties_panel import PropertiesPanel
from archbuilder.ui.recovery_dialog import RecoveryDialog
from archbuilder.ui.tips_panel import TipsPanel
from archbuilder.ui.vpc_overview import VpcOverview
from archbuilder.ui.whatif_panel import WhatIfPanel

MAX_RECENT = 8


class ExportCancelled(Exception):
    """The user pressed Cancel in the export progress dialog."""


class MainWindow(QMainWindow):
    def __init__(
        self,
        document: Document | None = None,
        *,
        settings: QSettings | None = None,
        recovery_dir: Path | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings or QSettings("archbuilder", "archbuilder")
        self.document = document or Document()
        self.scene = ArchitectureScene(self.document)
        self.view = ArchitectureView(self.scene)
        self.setCentralWidget(self.view)
        self.palette_panel = PalettePanel(self.document.catalog)
        self.properties = PropertiesPanel(self.document)
        self.findings = FindingsPanel(self.document)
        self.lockin = LockinPanel()
        self.tips = TipsPanel(self.document)
        self.cost = CostPanel()
        self.whatif = WhatIfPanel(self.document)
        self.minimap = MiniMap(self.view)
        palette = self._dock("Palette", self.palette_panel, Qt.DockWidgetArea.LeftDockWidgetArea)
        minimap = self._dock("Minimap", self.minimap, Qt.DockWidgetArea.LeftDockWidgetArea)
        properties = self._dock("Properties", self.properties, Qt.DockWidgetArea.RightDockWidgetArea)
        findings = self._dock("Findings", self.findings, Qt.DockWidgetArea.RightDockWidgetArea)
        lockin = self._dock("Lock-in", self.lockin, Qt.DockWidgetArea.RightDockWidgetArea)
        tips = self._dock("Tips", self.tips, Qt.DockWidgetArea.RightDockWidgetArea)
        cost = self._dock("Cost", self.cost, Qt.DockWidgetArea.RightDockWidgetArea)
        whatif = self._dock("What if", self.whatif, Qt.DockWidgetArea.RightDockWidgetArea)
        # Properties above; findings, lock-in, tips, cost and what-if share the room below as tabs, findings in front.
        self.tabifyDockWidget(findings, lockin)
        self.tabifyDockWidget(lockin, tips)
        self.tabifyDockWidget(tips, cost)
        self.tabifyDockWidget(cost, whatif)
        findings.raise_()
        # Give the canvas the room: narrow side docks, a small minimap.
        self.resizeDocks([palette, properties], [250, 420], Qt.Orientation.Horizontal)
        self.resizeDocks([palette, minimap], [640, 220], Qt.Orientation.Vertical)
        self.resizeDocks([properties, findings], [380, 520], Qt.Orientation.Vertical)
        self.runner = ValidationRunner(self.document, scenario=lambda: self.cost.scenario)
        self.autosaver = Autosaver(self.document, recovery_dir, autosave_interval_ms(self.settings))
        self.menu_actions = build_actions(self)
        self.document.status_message.connect(self._show_status)
        self.document.modified_changed.connect(self.setWindowModified)
        self.document.path_changed.connect(self._on_path_changed)
        self.document.changed.connect(self._update_title)  # the design's name may change
        self.scene.selection_node_ids_changed.connect(self._selection_changed)
        self.findings.nodes_activated.connect(self.focus_nodes)
        self.cost.node_activated.connect(lambda node_id: self.focus_nodes([node_id]))
        self.cost.scenario_changed.connect(lambda _scenario: self.runner.start())
        self.runner.finished.connect(self._show_result)
        self.runner.pending.connect(self.findings.set_validating)
        self.resize(1600, 1000)
        self._update_title()
        self.runner.start()

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{title.lower()}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    # ------------------------------------------------------------------ state shown

    def _show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _on_path_changed(self, _path: object) -> None:
        self._update_title()

    def _title(self) -> str:
        name = self.document.architecture.metadata.name
        where = f" — {self.document.path.name}" if self.document.path else ""
        return f"{name}{where}[*] — archbuilder"

    def _update_title(self) -> None:
        self.setWindowTitle(self._title())
        self.setWindowModified(self.document.is_modified)

    def _selection_changed(self, ids: list[str]) -> None:
        first = ids[0] if ids else None
        self.properties.show_nodes(ids)
        self.tips.show_node(first)
        self.lockin.show_selection(first)
        self.whatif.show_node(first)

    def _show_result(self, checked: Checked) -> None:
        """A check of the design as it is (editor/validation_runner.py): findings, lock-in, cost."""
        result = checked.result
        self.cost.show_estimate(self.document.architecture, checked.estimate)
        self.scene.set_costs(checked.costs)
        self.findings.show_result(result)
        self.lockin.show_score(result.lockin)
        by_node: dict[str, list[object]] = {}
        for finding in result.findings:
            for node_id in finding.node_ids:
                by_node.setdefault(node_id, []).append(finding)
        self.scene.set_findings(by_node)  # type: ignore[arg-type]

    def present(self, full_screen: bool = True) -> PresentationWindow:
        """The review of the open design, full screen, stepped through with the arrow keys."""
        window = PresentationWindow(self.document, self)
        if full_screen:
            window.showFullScreen()
        else:
            window.show()
        window.activateWindow()
        window.setFocus()
        return window

    def show_vpc_overview(self) -> VpcOverview:
        """The design one VPC a row; double-clicking one fits the canvas to it."""
        overview = VpcOverview(self.document.architecture, self)
        overview.vpc_chosen.connect(lambda vpc_id: self.view.fit_rect(self.scene.nodes_rect([vpc_id])))
        overview.show()
        return overview

    def compare_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            "Compare with a design",
            str(self.start_folder()),
            "archbuilder documents (*.arch.json);;All files (*)",
        )
        if name:
            self.compare_with(Path(name))

    def compare_with(self, path: Path) -> CompareWindow | None:
        """The design in `path` (before) against the open design (after), in a window of its own."""
        try:
            before = load(path)
        except DocumentError as exc:
            self.report_error("Cannot compare", str(exc))
            return None
        window = CompareWindow(before, self.document.architecture, self)
        window.show()
        return window

    def focus_nodes(self, ids: list[str]) -> None:
        present = [i for i in ids if i in self.document.architecture.nodes]
        if present:
            self.scene.select_nodes(present)
            self.view.center_on_nodes(present)

    # ------------------------------------------------------------------ files

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current document (saved, discarded, or unchanged)."""
        if not self.document.is_modified:
            return True
        answer = self.ask_unsaved()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def ask_unsaved(self) -> QMessageBox.StandardButton:
        """Save, Discard or Cancel; a method so that scripted use (and tests) can answer without a dialog."""
        return QMessageBox.question(
            self,
            "Unsaved changes",
            f"Save changes to “{self.document.architecture.metadata.name}”?",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )

    def new_document(self, example: str | None = None) -> None:
        if not self.maybe_save():
            return
        architecture = (
            loads(example_path(example).read_bytes(), f"example {example}") if example else Architecture()
        )
        self.document.replace(architecture, None)
        self.view.fit_all()

    def open_path(self, path: Path) -> bool:
        try:
            self.document.open(path)
        except DocumentError as exc:
            self.report_error("Cannot open document", str(exc))
            return False
        self._remember(path)
        self.view.fit_all()
        return True

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        name, _ = QFileDialog.getOpenFileName(
            self, "Open", str(self.start_folder()), "archbuilder documents (*.arch.json);;All files (*)"
        )
        if name:
            self.open_path(Path(name))

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        name, _ = QFileDialog.getSaveFileName(
            self, "Save as", str(self.suggested_save_path()), "archbuilder documents (*.arch.json)"
        )
        if not name:
            return False
        if not name.endswith(".arch.json"):
            name += ".arch.json"
        return self._save_to(Path(name))

    def start_folder(self) -> Path:
        """Where file dialogs start (archbuilder.ui.dialog_folders): never the bundled examples' folder."""
        return start_folder(self.document.path, self.recent_files())

    def suggested_save_path(self) -> Path:
        """Where Save As starts: the document's own file, else its name in the folder used last (or Documents);
        never in the bundled examples' folder."""
        folder = self.start_folder()
        if self.document.path is not None and self.document.path.parent == folder:
            return self.document.path
        stem = (
            re.sub(r"[^a-z0-9]+", "-", self.document.architecture.metadata.name.lower()).strip("-")
            or "design"
        )
        return folder / f"{stem}.arch.json"

    def _save_to(self, path: Path) -> bool:
        try:
            self.document.save(path)
        except DocumentError as exc:
            self.report_error("Cannot save", str(exc))
            return False
        self._remember(path)
        self.statusBar().showMessage(f"Saved {path}", 5000)
        return True

    def import_dialog(self, kind: str) -> None:
        """kind: "cloudformation", "terraform-file" or "terraform-folder"."""
        if kind == "terraform-folder":
            name = QFileDialog.getExistingDirectory(
                self, "Import a folder of Terraform files", str(self.start_folder())
            )
        else:
            pattern = (
                "Terraform (*.tf)"
                if kind == "terraform-file"
                else "CloudFormation templates (*.yaml *.yml *.json *.template)"
            )
            name, _ = QFileDialog.getOpenFileName(
                self, "Import", str(self.start_folder()), f"{pattern};;All files (*)"
            )
        if name:
            self.import_path(Path(name))

    def import_path(self, source: Path) -> bool:
        """A CloudFormation template, a .tf file or a folder of them becomes a new, unsaved design."""
        if not self.maybe_save():
            return False
        terraform = source.is_dir() or source.suffix == ".tf"
        try:
            architecture, report = import_terraform(source) if terraform else import_template(source)
        except (TemplateError, DocumentError, OSError, ValueError) as exc:
            self.report_error("Cannot import", str(exc))
            return False
        too_big = saved_size_error(architecture)
        if too_big:  # it could not be saved
            self.report_error("Cannot import", f"{source}: the design imported from it would be {too_big}")
            return False
        self.document.replace(architecture, None, modified=True)
        self.view.fit_all()
        self.statusBar().showMessage(f"Imported {source.name}: {report.render().splitlines()[0]}", 15000)
        return True

    def recent_files(self) -> list[str]:
        value = self.settings.value("recent_files", [])
        return [str(v) for v in (value if isinstance(value, list) else [value] if value else [])]

    def _remember(self, path: Path) -> None:
        recent = [str(path.resolve()), *[p for p in self.recent_files() if p != str(path.resolve())]]
        self.settings.setValue("recent_files", recent[:MAX_RECENT])

    def export_to(self, format_name: str, folder: Path | None = None) -> list[Path]:
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(
                self, f"Export {format_name} into folder", str(self.start_folder())
            )
            if not chosen:
                return []
            folder = Path(chosen)
        description = FORMATS[format_name].description
        # The export runs on the UI thread (it reads the live model, which must not change under it) behind a
        # window-modal progress dialog that keeps the window painted and offers Cancel.
        dialog = QProgressDialog(f"Exporting {description}…", "Cancel", 0, 0, self)
        dialog.setWindowTitle("Export")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)

        def progress(what: str, done: int, total: int) -> None:
            dialog.setMaximum(total)
            dialog.setValue(done)
            dialog.setLabelText(f"Exporting {description}: {what}")
            QApplication.processEvents()
            if dialog.wasCanceled():
                raise ExportCancelled

        try:
            written = export(format_name, self.document.architecture, folder, progress)
        except ExportCancelled:
            self.statusBar().showMessage("Export cancelled", 5000)
            return []
        except ExportError as exc:
            self.report_error("Export failed", str(exc))
            return []
        except OSError as exc:
            self.report_error("Export failed", f"{exc.filename or folder}: {exc.strerror or exc}")
            return []
        except Exception as exc:  # an exporter bug must not take the unsaved design down with it
            traceback.print_exc(file=sys.stderr)
            self.report_error("Export failed", f"The {description} exporter failed unexpectedly: {exc!r}")
            return []
        finally:
            dialog.reset()
            dialog.deleteLater()
        self.statusBar().showMessage(f"Exported {', '.join(p.name for p in written)} to {folder}", 8000)
        return written

    def offer_recovery(self, items: list[Recoverable]) -> bool:
        """After a crash: list every recovery file; True when one was recovered into this window."""
        if not items:
            return False
        chosen = self.choose_recovery(items)
        return chosen is not None and self.recover(chosen)

    def choose_recovery(self, items: list[Recoverable]) -> Recoverable | None:
        """Asks the user (a hook, so tests answer through the dialog without a modal loop)."""
        dialog = RecoveryDialog(items, self)
        dialog.exec()
        return dialog.chosen

    def show_preferences(self) -> PreferencesDialog:
        """Edit › Preferences: the dialog opens over the window; OK keeps the settings and applies them."""
        dialog = PreferencesDialog(self.settings, self)
        dialog.accepted.connect(lambda: self.autosaver.set_interval(dialog.interval_ms()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def recover(self, item: Recoverable) -> bool:
        try:
            architecture = load_recoverable(item)
        except DocumentError as exc:
            # A recovery file truncated by the crash stays on disk: nothing the user might still want is deleted.
            self.report_error("Cannot recover", str(exc))
            return False
        self.document.replace(architecture, item.original, modified=True)
        self.autosaver.adopt(item)  # its recovery copy stays until the recovered work is saved
        self.statusBar().showMessage("Recovered unsaved changes; save them to keep them", 10000)
        return True

    def report_error(self, title: str, text: str) -> None:
        """Problems the user must see (and acknowledge) go through here, never as a traceback."""
        QMessageBox.warning(self, title, text)

    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())

    def restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.maybe_save():
            self.save_layout()
            self.autosaver.shutdown()
            self.runner.shutdown()
            event.accept()
        else:
            event.ignore()
