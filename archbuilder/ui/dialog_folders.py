"""Where file dialogs start: the open document's folder, unless that is the folder of the bundled examples
(read-only in an installed app, and not where a user keeps designs), then the folder used last, then the
user's Documents folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from archbuilder.resource_files import examples_dir


def _is_bundled(folder: Path) -> bool:
    try:
        return folder.resolve() == Path(str(examples_dir())).resolve()
    except OSError:
        return False


def start_folder(document_path: Path | None, recent_files: list[str]) -> Path:
    if document_path is not None and not _is_bundled(document_path.parent):
        return document_path.parent
    for recent in recent_files:
        folder = Path(recent).parent
        if folder.is_dir() and not _is_bundled(folder):
            return folder
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()
