"""Where the Terraform export's CPU time goes, step by step, for a generated design; prints a table.

Run: .venv/bin/python bench/bench_terraform_phases.py [N]   (default 20000 services; each step's least CPU time of
three runs, the cyclic collector paused as exports pause it)

The steps are those of exporters/terraform/files.py: the secrets check the export runs first, building the
CloudFormation template the export converts, naming its resources (the converter), converting them into blocks,
writing the blocks as HCL, joining and encoding main.tf, and freeing the template. Here the blocks are all made
before any is written, so that the two steps are timed apart (the export writes each resource's blocks as soon
as they are made), and freeing them is a step of its own. Loading the exporter's modules and creating the files
are not in the table: bench_stress.py times the whole export in a fresh process.
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_validation import generate

from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.terraform import files
from archbuilder.exporters.terraform.hcl_writer import written_document
from archbuilder.exporters.terraform.ordering import Ordering
from archbuilder.importers.secrets import design_secrets
from archbuilder.model import Architecture

RUNS = 3


def _phases(arch: Architecture) -> dict[str, float]:
    """CPU seconds of each step, in order, for one export."""
    times: dict[str, float] = {}
    state: dict[str, Any] = {}

    def step(name: str, action: Callable[[], None]) -> None:
        start = time.process_time()
        action()
        times[name] = time.process_time() - start

    step("secrets check", lambda: design_secrets(arch))
    step("template", lambda: state.update(template=build_template(arch, for_terraform=True)))
    step("naming", lambda: state.update(conv=files.Converter_(state["template"])))
    step("conversion", lambda: state.update(blocks=_converted(state["template"], state["conv"])))
    step("HCL writing", lambda: state.update(texts=[files.block_text(b) for b in state["blocks"]]))
    step("join, encode", lambda: state.update(main=written_document(state.pop("texts")).encode("utf-8")))
    step("freeing blocks", lambda: state.pop("blocks"))
    step("freeing template", lambda: [state.pop("conv"), state.pop("template")])
    return times


def _converted(template: dict[str, Any], conv: files.Converter_) -> list[files.Block]:
    ordering = Ordering(conv)
    blocks: list[files.Block] = []
    for logical, body in template["Resources"].items():
        blocks += files._resource_of(conv, ordering, logical, body)
    return blocks


def main(size: int) -> None:
    arch = generate(size)
    gc.disable()
    runs = [_phases(arch) for _ in range(RUNS)]
    gc.enable()
    print(f"{'step':<18} {'CPU s':>6}   ({size:,} services, least of {RUNS} runs)")
    for name in runs[0]:
        print(f"{name:<18} {min(run[name] for run in runs):>6.2f}")
    print(f"{'total':<18} {sum(min(run[name] for run in runs) for name in runs[0]):>6.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)
