"""`--format cloudformation`: template.yaml."""

from __future__ import annotations

from pathlib import Path

from archbuilder.exporters.cloudformation.manual import comment, manual_steps
from archbuilder.exporters.cloudformation.source_template import cloudformation_template
from archbuilder.exporters.cloudformation.template import header
from archbuilder.exporters.cloudformation.yaml_dump import dump_yaml
from archbuilder.exporters.registry import Progress
from archbuilder.fileio import write_atomic
from archbuilder.model import Architecture


def export(architecture: Architecture, out_dir: Path, progress: Progress | None = None) -> list[Path]:
    template = cloudformation_template(architecture)
    text = dump_yaml(template, header(architecture) + comment(manual_steps(template)))
    target = out_dir / "template.yaml"
    write_atomic(target, text.encode("utf-8"))
    return [target]
