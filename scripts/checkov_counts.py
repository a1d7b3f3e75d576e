"""Prints, per bundled example, how many checkov checks fail on its CloudFormation and Terraform exports.

Run: .venv/bin/python scripts/checkov_counts.py   (needs .venv-checkov, see scripts/install-checkov.sh)

A failed check is one check on one resource, as checkov counts them; the figure in brackets is how many
different checks (ids) fail. The figures in the README's Exports
section come from this script; why each check id fails is in docs/checkov.md.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from archbuilder.exporters.registry import export
from archbuilder.model import load
from archbuilder.resource_files import example_names, example_path

ROOT = Path(__file__).resolve().parents[1]
FRAMEWORKS = ("cloudformation", "terraform")


def checkov_binary() -> Path:
    configured = os.environ.get("ARCHBUILDER_CHECKOV")
    return Path(configured) if configured else ROOT / ".venv-checkov" / "bin" / "checkov"


def failed_counts(folder: Path) -> tuple[Counter[tuple[str, str]], dict[tuple[str, str], set[str]]]:
    """(example, format) -> failed checks, and -> the distinct ids of those checks, from one checkov run over
    every export in `folder`."""
    env = {**os.environ, "CKV_SKIP_PACKAGE_UPDATE_CHECK": "true", "LOG_LEVEL": "ERROR"}
    command = [str(checkov_binary()), "-d", str(folder), "--framework", *FRAMEWORKS]
    command += ["-o", "json", "--quiet", "--skip-download", "--skip-results-upload"]
    run = subprocess.run(command, capture_output=True, text=True, env=env, timeout=900, check=False)
    if run.returncode not in (0, 1):
        sys.exit(f"checkov exited {run.returncode}: {run.stderr[-2000:]}")
    reports = json.loads(run.stdout)
    counts: Counter[tuple[str, str]] = Counter()
    ids: dict[tuple[str, str], set[str]] = {}
    for report in reports if isinstance(reports, list) else [reports]:
        for check in report["results"]["failed_checks"]:
            example, fmt = check["file_path"].strip("/").split("/")[:2]
            counts[(example, fmt)] += 1
            ids.setdefault((example, fmt), set()).add(check["check_id"])
    return counts, ids


def main() -> None:
    if not checkov_binary().is_file():
        sys.exit(f"no checkov at {checkov_binary()}: run scripts/install-checkov.sh")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for example in example_names():
            architecture = load(Path(str(example_path(example))))
            for fmt in FRAMEWORKS:
                export(fmt, architecture, folder / example / fmt)
        counts, ids = failed_counts(folder)
    # Failed checks (one check on one resource) and, in brackets, how many different checks they are.
    width = max(len(name) for name in [*example_names(), "example"])
    print(f"{'example':<{width}} {'CloudFormation':>15} {'Terraform':>10}")
    for example in sorted(example_names()):
        cells = [f"{counts[(example, fmt)]} ({len(ids.get((example, fmt), ()))})" for fmt in FRAMEWORKS]
        print(f"{example:<{width}} {cells[0]:>15} {cells[1]:>10}")


if __name__ == "__main__":
    main()
