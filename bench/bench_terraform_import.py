"""Where the Terraform import of the stress bench's 5 MB of .tf (2,400 services) spends its CPU time, step by step.

Run: .venv/bin/python bench/bench_terraform_import.py [--runs N]

Each run is a fresh process (as bench_stress.py runs the import): it loads the catalog, then times (process CPU
time, the cyclic collector paused as the import pauses it) loading the importer's modules, reading the files, the
HCL reader (hcl_reader.loads: the blocks read from their text, tree-sitter's pieces and their walk), making plain
values of it, converting the resources to CloudFormation's shape (the rest of terraform.to_template), the
inference (the CloudFormation importer's run) and keeping the source in the design; and the whole import_terraform,
separately, with the process's peak memory.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_stress import services_terraform  # noqa: E402

_STEPS = """
import gc, json, sys, time
from pathlib import Path
from archbuilder.catalog import default_catalog
default_catalog()
source = Path(sys.argv[1])
steps = {}
def step(name, start):
    steps[name] = steps.get(name, 0.0) + time.process_time() - start
    return time.process_time()
t = time.process_time()
import archbuilder.importers.terraform as tf
from archbuilder.importers import hcl_reader
from archbuilder.importers.cloudformation import _Importer
t = step("loading modules", t)
gc.disable()
texts = tf.terraform_texts(source)
t = step("reading the files", t)
calls = {}
read = {name: hcl_reader.loads(text, calls) for name, text in texts.items()}
t = step("HCL reader", t)
plain = {name: tf._plain(value) for name, value in read.items()}
del read, plain
t = step("plain values", t)
template, addresses = tf.to_template(source, texts)
t = step("converting", t)
steps["converting"] -= steps["HCL reader"] + steps["plain values"]
importer = _Importer(template, tf._design_name(source, texts))
importer.resolver.fuzzy_keys = True
importer.property_source = "terraform"
importer.source_names = {logical: address for address, logical in addresses.items()}
importer.source_format = None
importer.run()
t = step("inference", t)
importer._imported_source("cloudformation", kept={"files": texts})
step("keeping the source", t)
print(json.dumps(steps))
"""

_WHOLE = """
import json, sys, time
from pathlib import Path
from archbuilder.catalog import default_catalog
default_catalog()
cpu = time.process_time()
from archbuilder.importers.terraform import import_terraform
import_terraform(Path(sys.argv[1]))
cpu = time.process_time() - cpu
status = Path("/proc/self/status").read_text()
peak = int(next(l.split()[1] for l in status.splitlines() if l.startswith("VmHWM:"))) / 1024
print(json.dumps({"import_terraform": cpu, "peak MB": peak}))
"""


def _child(code: str, source: Path) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, "-c", code, str(source)], capture_output=True, text=True, check=True
    )
    measured: dict[str, float] = json.loads(result.stdout.splitlines()[-1])
    return measured


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as name:
        source = services_terraform(Path(name))
        measured = [_child(_STEPS, source) | _child(_WHOLE, source) for _ in range(runs)]
    print(f"{'CPU s':<20}" + "".join(f"{'run ' + str(k + 1):>8}" for k in range(runs)))
    for step in measured[0]:
        print(f"{step:<20}" + "".join(f"{run[step]:>8.2f}" for run in measured))


if __name__ == "__main__":
    main()
