"""Cost estimate and design comparison time for generated designs; prints a table.

Run: .venv/bin/python bench/bench_cost.py [N ...]   (default sizes 1000 5000)
The designs are bench_validation's: stacks of ten services (ALB, Auto Scaling group, Multi-AZ RDS, ElastiCache, SQS,
Lambda in the VPC, DynamoDB, S3, SNS, logs) in VPCs of three AZs with a NAT gateway per AZ. "estimate" is one
scenario, graph build included; "on a graph" is the same on a graph already built (as the three scenarios of a
comparison share one); "3 scenarios" shares one graph. "compare" is `archbuilder compare` of the design
with a variant whose every database is Aurora (validation, lock-in and three scenarios on both sides).
Times are medians of 7 runs, as wall/CPU milliseconds.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_validation import generate

from archbuilder.compare.designs import compare
from archbuilder.cost.estimate import estimate
from archbuilder.graph import build
from archbuilder.model import Architecture, dumps, loads
from archbuilder.model.usage import Scenario

RUNS = 7


def _median_ms(action: Callable[[], object]) -> str:
    """Median wall time and median CPU time of the process, "wall/CPU": on a shared machine the CPU time is the
    figure that does not depend on what else runs."""
    wall, cpu = [], []
    for _ in range(RUNS):
        gc.collect()
        start, start_cpu = time.perf_counter(), time.process_time()
        action()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return f"{statistics.median(wall):.1f}/{statistics.median(cpu):.1f}"


def _variant(design: Architecture) -> Architecture:
    """The same design with every RDS instance's class and Multi-AZ changed, as a reviewer would try."""
    copy = loads(dumps(design))
    for node in copy.services():
        if node.type == "rds_instance":
            copy.set_property(node.id, "instance_class", "db.m5.large")
            copy.set_property(node.id, "multi_az", False)
    return copy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 5000])
    args = parser.parse_args()
    print(
        f"{'services':>9} {'lines':>6} {'estimate ms':>13} {'on a graph ms':>14} {'3 scenarios ms':>15} "
        f"{'compare ms':>13} {'expected $/month':>17}"
    )
    for size in args.sizes:
        _row(generate(size))


def _row(design: Architecture) -> None:
    variant = _variant(design)
    result = estimate(design)
    graph = build(design)

    def three() -> None:
        shared = build(design)
        for scenario in Scenario:
            estimate(design, scenario, graph=shared)

    print(
        f"{len(design.services()):>9} {len(result.lines):>6} {_median_ms(lambda: estimate(design)):>13} "
        f"{_median_ms(lambda: estimate(design, graph=graph)):>14} {_median_ms(three):>15} "
        f"{_median_ms(lambda: compare(design, variant)):>13} {result.total:>17,.2f}"
    )


if __name__ == "__main__":
    main()
