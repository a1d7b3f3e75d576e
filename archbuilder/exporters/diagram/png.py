"""`--format png`: diagram.png, rendered by graphviz."""

from __future__ import annotations

from pathlib import Path

from archbuilder.exporters.diagram.build import render
from archbuilder.exporters.registry import Progress
from archbuilder.fileio import write_atomic
from archbuilder.model import Architecture


def export(architecture: Architecture, out_dir: Path, progress: Progress | None = None) -> list[Path]:
    target = out_dir / "diagram.png"
    write_atomic(target, render(architecture, "png", progress))
    return [target]
