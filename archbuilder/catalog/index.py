"""The shipped catalog's index: its entries as the schema validated them, kept as JSON in the user's cache
under a key made of the catalog files and the schema's code. A start-up then reads the JSON (validated again,
in a few milliseconds) instead of parsing and checking hundreds of kilobytes of YAML.

A missing, stale, unreadable or damaged index is rebuilt from the YAML; an unwritable cache only costs time.
ARCHBUILDER_CACHE_DIR chooses the folder (empty: no index)."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from archbuilder import __version__
from archbuilder.catalog.service_type import ServiceType

CACHE_ENV = "ARCHBUILDER_CACHE_DIR"
_FORMAT = b"catalog-index-1"
KEPT_INDEXES = 8
_ENTRIES = TypeAdapter(list[ServiceType])

CatalogFiles = Sequence[tuple[str, bytes]]  # (file name, contents), sorted by name


def cache_dir() -> Path | None:
    """Where indexes are kept: $ARCHBUILDER_CACHE_DIR, else the user's cache folder."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "archbuilder"


def index_key(files: CatalogFiles) -> str:
    """Changes with any catalog file, with the schema's code and with the version."""
    digest = hashlib.sha256(_FORMAT + b"\0" + __version__.encode())
    for part in (*_schema_sources(), *files):
        name, data = part
        digest.update(f"\0{name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()[:40]


def _schema_sources() -> list[tuple[str, bytes]]:
    """The catalog package's own code: what turns YAML into entries. (A frozen bundle ships no sources; its
    version stands for them.)"""
    package = Path(__file__).resolve().parent
    sources = []
    for path in sorted(package.glob("*.py")):
        try:
            sources.append((path.name, path.read_bytes()))
        except OSError:
            continue
    return sources


def load_indexed(
    files: CatalogFiles, parse: Callable[[CatalogFiles], list[ServiceType]]
) -> list[ServiceType]:
    """The entries of `files`: from their index when it is there and sound, else parsed and indexed."""
    folder = cache_dir()
    if folder is None:
        return parse(files)
    path = folder / f"catalog-{index_key(files)}.json"
    try:
        return _ENTRIES.validate_json(path.read_bytes())
    except (OSError, ValidationError):
        pass
    services = parse(files)
    _write(path, _ENTRIES.dump_json(services))
    return services


def _write(path: Path, data: bytes) -> None:
    """Write the index atomically; a cache that cannot be written is skipped."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".catalog-", suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
        _prune(path.parent)
    except OSError:
        return


def _prune(folder: Path) -> None:
    """Keep the indexes written last: several installs (or versions) on one machine each keep theirs, instead of
    replacing each other's at every start, and indexes of catalogs long gone do not pile up."""
    indexes = sorted(folder.glob("catalog-*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    for stale in indexes[KEPT_INDEXES:]:
        stale.unlink(missing_ok=True)
