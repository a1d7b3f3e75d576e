"""Where the pictures of catalog services are: the PNGs the diagrams package ships for a service's
`diagram_class` and for AWS group headers. One lookup for the canvas and the diagram export."""

from __future__ import annotations

import importlib
from functools import cache
from pathlib import Path


@cache
def diagrams_root() -> Path | None:
    """The folder holding the diagrams package's `resources/` tree (site-packages), if it is installed."""
    try:
        import diagrams
    except ImportError:
        return None
    return Path(diagrams.__file__ or "").resolve().parent.parent


@cache
def icon_file(diagram_class: str) -> Path | None:
    """`aws.database.RDS` -> the PNG the diagrams package draws for that class, or None."""
    root = diagrams_root()
    module_name, _, class_name = f"diagrams.{diagram_class}".rpartition(".")
    if root is None or not module_name:
        return None
    try:
        node_class = getattr(importlib.import_module(module_name), class_name)
    except (ImportError, AttributeError):
        return None
    icon_dir, icon = getattr(node_class, "_icon_dir", None), getattr(node_class, "_icon", None)
    if not icon_dir or not icon:
        return None
    path = root / icon_dir / icon
    return path if path.is_file() else None


@cache
def resource_icon(relative: str) -> Path | None:
    """An icon by its path under the diagrams package's resources/aws/ (group and container headers)."""
    root = diagrams_root()
    path = root / "resources" / "aws" / relative if root is not None else None
    return path if path is not None and path.is_file() else None
