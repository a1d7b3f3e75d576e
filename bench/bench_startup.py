"""Cold start of the `archbuilder` command: wall-clock and CPU time of whole runs, hyperfine style (warm-up
runs, then repeated runs; mean ± standard deviation, min, median).

Run: .venv/bin/python bench/bench_startup.py [RUNS] [--before CHECKOUT]
     (default 20 runs after 3 warm-ups; --before also times a checkout of an earlier commit, side by side)

Targets (issue 14, on an idle machine): `archbuilder validate` on a bundled example ≤ 0.3 s, `archbuilder
--version` ≤ 0.15 s. The first warm-up builds the catalog index (archbuilder.catalog.index), as the first start
after an install does (into a folder of the bench's own, so that other checkouts on the machine cannot replace
it meanwhile); the measured runs then start as a user's do. CPU time (user + system) is printed beside
wall time: on a busy machine wall time grows with the queue for the cores, CPU time much less.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PYTHON = sys.executable
BIN = Path(PYTHON).parent
EXAMPLE = Path(__file__).resolve().parent.parent / "resources" / "examples" / "three-tier-web.arch.json"
WARMUP = 3


def commands(before: Path | None, cache: Path) -> dict[str, tuple[list[str], dict[str, str]]]:
    env = {**os.environ, "ARCHBUILDER_CACHE_DIR": str(cache)}
    found: dict[str, tuple[list[str], dict[str, str]]] = {
        "python -c pass (the floor)": ([PYTHON, "-c", "pass"], env),
        "archbuilder --version": ([str(BIN / "archbuilder"), "--version"], env),
        "archbuilder validate three-tier-web": ([str(BIN / "archbuilder"), "validate", str(EXAMPLE)], env),
        "archbuilder show three-tier-web": ([str(BIN / "archbuilder"), "show", str(EXAMPLE)], env),
    }
    if before is not None:
        # The earlier checkout's own package comes first on the path (it had no python -m archbuilder).
        earlier_env = {**env, "PYTHONPATH": str(before)}
        earlier = [PYTHON, "-m", "archbuilder.cli.main"]
        found["before: archbuilder --version"] = ([*earlier, "--version"], earlier_env)
        found["before: archbuilder validate three-tier-web"] = (
            [*earlier, "validate", str(EXAMPLE)],
            earlier_env,
        )
    return found


def _run_once(argv: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """(wall s, CPU s) of one run of the command, its output discarded."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=cwd, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _ms(values: list[float]) -> str:
    mean = statistics.mean(values) * 1000
    spread = statistics.stdev(values) * 1000 if len(values) > 1 else 0.0
    return f"{mean:7.1f} ± {spread:5.1f}  {min(values) * 1000:7.1f}  {statistics.median(values) * 1000:7.1f}"


def main(runs: int, before: Path | None) -> None:
    cwd = before if before is not None else Path.cwd()  # -m puts the working folder first on the path
    print(
        f"{runs} runs after {WARMUP} warm-ups; load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs"
    )
    print(
        f"{'':44}{'wall ms: mean ± σ':>17}  {'min':>7}  {'median':>7}   {'CPU ms: mean ± σ':>16}  {'min':>7}  {'median':>7}"
    )
    cache = Path(tempfile.mkdtemp(prefix="archbuilder-bench-cache-"))
    for name, (argv, env) in commands(before, cache).items():
        for _ in range(WARMUP):
            _run_once(argv, env, cwd)
        walls, cpus = [], []
        for _ in range(runs):
            wall, cpu = _run_once(argv, env, cwd)
            walls.append(wall)
            cpus.append(cpu)
        print(f"{name:44}{_ms(walls)}   {_ms(cpus)}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Time the start of archbuilder commands.")
    parser.add_argument("runs", nargs="?", type=int, default=20)
    parser.add_argument("--before", type=Path, help="a checkout of an earlier commit to time side by side")
    options = parser.parse_args()
    main(options.runs, options.before.resolve() if options.before else None)
