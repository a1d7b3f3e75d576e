"""Full validation time (graph build + every rule + lock-in) for generated architectures, beside cfn-lint's time on
the CloudFormation template exported from the same architecture; prints a table.

Run: .venv/bin/python bench/bench_validation.py [N ...] [--cfn-lint-up-to N]
     (default sizes 100 1000 5000 20000; cfn-lint runs for sizes up to 1000 by default, it takes minutes beyond)
Times are medians of 9 runs (3 at 20,000 services).
"""

from __future__ import annotations

import argparse
import gc
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from archbuilder.catalog import ConnectionKind as K
from archbuilder.graph import build
from archbuilder.model import Architecture, AvailabilityZoneNode, RegionNode, SubnetNode, VpcNode
from archbuilder.validation import validate

SERVICES_PER_VPC = 500
ZONES = "abc"


def _network(arch: Architecture, index: int) -> dict[str, list[str]]:
    """A VPC with three AZs, each with a public, an app and a data subnet; an internet gateway, a NAT per AZ."""
    vpc = f"vpc-{index}"
    octet = index % 250
    arch.add_node(VpcNode(id=vpc, label=vpc, parent_id="region", cidr=f"10.{octet}.0.0/16"))
    arch.add_service("internet_gateway", vpc, node_id=f"{vpc}-igw")
    subnets: dict[str, list[str]] = {"public": [], "app": [], "data": []}
    for z, letter in enumerate(ZONES):
        az = f"{vpc}-az-{letter}"
        arch.add_node(AvailabilityZoneNode(id=az, label=az, parent_id=vpc, zone=f"us-east-1{letter}"))
        for t, tier in enumerate(("public", "app", "data")):
            sid = f"{az}-{tier}"
            tier_kind = "public" if tier == "public" else "private"
            arch.add_node(
                SubnetNode(
                    id=sid, label=sid, parent_id=az, cidr=f"10.{octet}.{z * 3 + t}.0/24", tier=tier_kind
                )
            )
            subnets[tier].append(sid)
        arch.add_service("nat_gateway", subnets["public"][-1], node_id=f"{az}-nat")
    return subnets


def _stack(arch: Architecture, prefix: str, subnets: dict[str, list[str]]) -> int:
    """One application stack of 10 services: web tier behind an ALB, workers on a queue, data stores."""

    def add(type_id: str, name: str, where: str | list[str], **props: object) -> str:
        parent, extra = (where, []) if isinstance(where, str) else (where[0], where[1:])
        return arch.add_service(
            type_id, parent, node_id=f"{prefix}-{name}", extra_subnet_ids=extra, properties=props
        ).id

    alb = add("alb", "alb", subnets["public"], internet_facing=True)
    web = add("autoscaling_group", "web", subnets["app"], min_size=2, max_size=6, desired_capacity=2)
    db = add("rds_instance", "db", subnets["data"], multi_az=True)
    cache = add("elasticache_cluster", "cache", subnets["data"], num_nodes=2)
    queue = add("sqs_queue", "queue", "region", visibility_timeout_seconds=180)
    worker = add("lambda_function", "worker", subnets["app"], timeout_seconds=30)
    table = add("dynamodb_table", "table", "region")
    bucket = add("s3_bucket", "assets", "region")
    topic = add("sns_topic", "events", "region")
    logs = add("cloudwatch_log_group", "logs", "region")
    for source, target, kind, port in (
        (alb, web, K.TRAFFIC, 80),
        (web, db, K.TRAFFIC, 5432),
        (web, cache, K.TRAFFIC, 6379),
        (web, queue, K.WRITE, None),
        (queue, worker, K.POLL, None),
        (worker, table, K.WRITE, None),
        (worker, bucket, K.WRITE, None),
        (worker, topic, K.WRITE, None),
        (worker, logs, K.LOGS, None),
    ):
        arch.connect(source, target, kind, port=port)
    return 10


def generate(count: int) -> Architecture:
    """`count` services (within 10) in one region: stacks of 10 services, 50 stacks per VPC, plus per account a
    CloudTrail trail and an alarm, per VPC a gateway endpoint for S3/DynamoDB."""
    arch = Architecture()
    arch.add_node(RegionNode(id="region", label="Region", region="us-east-1"))
    arch.add_service("cloudtrail", "region", node_id="trail")
    arch.add_service("cloudwatch_alarm", "region", node_id="alarm")
    made, vpc_index = 2, 0
    while made < count:
        subnets = _network(arch, vpc_index)
        arch.add_service("vpc_endpoint_gateway", f"vpc-{vpc_index}", node_id=f"vpc-{vpc_index}-endpoint")
        made += 5  # internet gateway, three NAT gateways, endpoint
        for stack in range(SERVICES_PER_VPC // 10):
            if made >= count:
                break
            made += _stack(arch, f"v{vpc_index}-s{stack}", subnets)
        vpc_index += 1
    return arch


def _median_ms(action: Callable[[], object], runs: int) -> float:
    """Median wall time; the cyclic GC is paused as validate() pauses it, so both columns compare."""
    times = []
    for _ in range(runs):
        gc.disable()
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
        gc.enable()
    return statistics.median(times)


def _cfn_lint_seconds(arch: Architecture) -> str:
    from archbuilder.exporters.registry import export

    with tempfile.TemporaryDirectory() as folder:
        [template] = [p for p in export("cloudformation", arch, Path(folder)) if p.suffix == ".yaml"]
        cfn_lint = Path(sys.executable).with_name("cfn-lint")
        start = time.perf_counter()
        subprocess.run([str(cfn_lint), str(template)], capture_output=True, check=False)
        return f"{time.perf_counter() - start:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000, 5000, 20000])
    parser.add_argument("--cfn-lint-up-to", type=int, default=1000, metavar="N")
    args = parser.parse_args()
    print(
        f"{'services':>9} {'nodes':>7} {'connections':>11} {'findings':>9} "
        f"{'graph ms':>9} {'validate ms':>12} {'cfn-lint s':>11}"
    )
    for size in args.sizes:
        arch = generate(size)
        findings = len(validate(arch).findings)
        runs = 9 if size <= 5000 else 3  # medians: this machine is shared, single runs vary by a third
        graph_ms = _median_ms(lambda arch=arch: build(arch), runs)
        validate_ms = _median_ms(lambda arch=arch: validate(arch), runs)
        lint = _cfn_lint_seconds(arch) if size <= args.cfn_lint_up_to else "-"
        services = len(arch.services())
        print(
            f"{services:>9} {len(arch.nodes):>7} {len(arch.connections):>11} {findings:>9} "
            f"{graph_ms:>9.1f} {validate_ms:>12.1f} {lint:>11}"
        )


if __name__ == "__main__":
    main()
