"""`--format cloudformation-json`: template.json."""

from __future__ import annotations

import json
from pathlib import Path

from archbuilder.exporters.cloudformation.source_template import cloudformation_template
from archbuilder.exporters.registry import Progress
from archbuilder.fileio import write_atomic
from archbuilder.model import Architecture


def export(architecture: Architecture, out_dir: Path, progress: Progress | None = None) -> list[Path]:
    text = json.dumps(cloudformation_template(architecture), indent=2, ensure_ascii=False) + "\n"
    target = out_dir / "template.json"
    write_atomic(target, text.encode("utf-8"))
    return [target]
