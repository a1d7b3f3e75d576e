"""Every export format by name, registered explicitly, imported only when used."""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from archbuilder.fileio import FileError, staged_folder
from archbuilder.gc_pause import cyclic_gc_paused
from archbuilder.importers.secrets import design_secrets
from archbuilder.model import Architecture

Progress = Callable[[str, int, int], None]  # (what, done, total)


class ExportFunction(Protocol):
    def __call__(
        self, architecture: Architecture, out_dir: Path, progress: Progress | None = None
    ) -> list[Path]: ...


class ExportError(Exception):
    """An export could not be completed; the message says what and where. `exit_code` 1 = the design
    has something the format cannot express (e.g. unmapped services), 2 = environment/input problem."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


@dataclass(frozen=True)
class ExportFormat:
    name: str
    description: str
    module: str  # module with the function below: `(architecture, out_dir, progress=None) -> list[Path]`
    function: str = "export"
    # `module:function` giving the warnings an export of a design prints (`(architecture) -> list[str]`): what the
    # format writes but leaves to do by hand. Empty for formats that leave nothing.
    notes: str = ""

    def load(self) -> ExportFunction:
        export: ExportFunction = getattr(importlib.import_module(self.module), self.function)
        return export


FORMATS: dict[str, ExportFormat] = {}
# Formats that draw or review the design and never write property values, parameters or outputs.
_SHOWS_NO_VALUES = frozenset(
    {"png", "svg", "drawio", "report-html", "report-pdf", "report-md", "report-pptx", "report-wa-lens"}
)


def register(fmt: ExportFormat) -> None:
    FORMATS[fmt.name] = fmt


# The infrastructure formats describe the same deployment, so they leave the same steps to do by hand.
MANUAL_NOTES = "archbuilder.exporters.cloudformation.manual:notes"
TERRAFORM_NOTES = "archbuilder.exporters.cloudformation.manual:terraform_notes"

# The formats; each module lands with its exporter.
for _fmt in (
    ExportFormat(
        "cloudformation",
        "CloudFormation YAML (template.yaml)",
        "archbuilder.exporters.cloudformation.yaml_format",
        notes=MANUAL_NOTES,
    ),
    ExportFormat(
        "cloudformation-json",
        "CloudFormation JSON (template.json)",
        "archbuilder.exporters.cloudformation.json_format",
        notes=MANUAL_NOTES,
    ),
    ExportFormat(
        "terraform", "Terraform (*.tf)", "archbuilder.exporters.terraform.files", notes=TERRAFORM_NOTES
    ),
    ExportFormat("png", "PNG diagram (diagram.png)", "archbuilder.exporters.diagram.png"),
    ExportFormat("svg", "SVG diagram (diagram.svg)", "archbuilder.exporters.diagram.svg"),
    ExportFormat("drawio", "draw.io diagram (diagram.drawio)", "archbuilder.exporters.diagram.drawio"),
    # The architecture review, with the report's defaults (the `report` command takes a title, reviewer …).
    ExportFormat(
        "report-html", "Review report (report.html)", "archbuilder.exporters.report.formats", "export_html"
    ),
    ExportFormat(
        "report-pdf", "Review report (report.pdf)", "archbuilder.exporters.report.formats", "export_pdf"
    ),
    ExportFormat(
        "report-md", "Review report (report.md)", "archbuilder.exporters.report.formats", "export_markdown"
    ),
    ExportFormat(
        "report-pptx", "Review slides (report.pptx)", "archbuilder.exporters.report.formats", "export_slides"
    ),
    ExportFormat(
        "report-wa-lens",
        "Well-Architected custom lens (wa-lens.json)",
        "archbuilder.exporters.report.formats",
        "export_lens",
    ),
):
    register(_fmt)


def available_formats() -> list[ExportFormat]:
    """Formats whose module exists in this installation."""
    return [fmt for fmt in FORMATS.values() if importlib.util.find_spec(fmt.module) is not None]


def export(
    name: str,
    architecture: Architecture,
    out_dir: Path,
    progress: Progress | None = None,
    *,
    allow_secrets: bool = False,
) -> list[Path]:
    """Write `architecture` as `name` into `out_dir`. Secrets the design holds in clear are refused (exit 1)
    unless `allow_secrets` or the design's metadata.allow_secrets_in_exports says they may be written."""
    # An export builds a template of millions of objects and no garbage cycles: collections on the way would
    # rescan them all (at 20,000 services, half the CloudFormation export's time).
    with cyclic_gc_paused():
        return _export(name, architecture, out_dir, progress, allow_secrets=allow_secrets)


def _export(
    name: str, architecture: Architecture, out_dir: Path, progress: Progress | None, *, allow_secrets: bool
) -> list[Path]:
    try:
        fmt = FORMATS[name]
    except KeyError:
        raise ExportError(f"unknown export format {name!r}; choose one of: {', '.join(FORMATS)}", 2) from None
    if not (allow_secrets or architecture.metadata.allow_secrets_in_exports or name in _SHOWS_NO_VALUES):
        secrets = design_secrets(architecture)
        if secrets:
            listed = "; ".join(str(secret) for secret in secrets[:5]) + ("; …" if len(secrets) > 5 else "")
            raise ExportError(
                f"the design holds {len(secrets)} secret(s) in clear that the export would write: {listed}; "
                "remove them (a Ref, a dynamic reference or a managed password instead), or pass --allow-secrets"
            )
    export_function = fmt.load()
    return write_staged(out_dir, lambda staging: export_function(architecture, staging, progress))


def write_staged(out_dir: Path, write: Callable[[Path], list[Path]]) -> list[Path]:
    """Run `write` on a temporary folder beside `out_dir` and move what it wrote into `out_dir` only when all
    of it was written: a failure (a full disk, a design the format cannot express) leaves a previous export
    there as it was. Returns the written paths as they are in `out_dir`."""
    try:
        with staged_folder(out_dir) as staging:
            written = write(staging)
    except FileError as exc:
        raise ExportError(str(exc), 2) from None
    return [out_dir / path.relative_to(staging) for path in written]


def export_notes(name: str, architecture: Architecture) -> list[str]:
    """The warnings an export of `architecture` to the format `name` prints (none for most formats)."""
    fmt = FORMATS.get(name)
    if fmt is None or not fmt.notes:
        return []
    module, function = fmt.notes.split(":")
    notes: list[str] = getattr(importlib.import_module(module), function)(architecture)
    return notes
