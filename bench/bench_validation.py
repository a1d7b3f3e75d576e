"""Full validation time (graph build + every rule + lock-in) for generated architectures; prints a table.

Run: .venv/bin/python bench/bench_validation.py [N ...]   (default 100 1000 5000 20000)
"""

from __future__ import annotations

import statistics
import sys
import time

from archbuilder.catalog import ConnectionKind
from archbuilder.model import Architecture, AvailabilityZoneNode, RegionNode, SubnetNode, VpcNode
from archbuilder.validation import validate

SERVICES_PER_VPC = 500


def generate(count: int) -> Architecture:
    """One VPC per 500 services, 3 AZs each with public/app/data subnets; an ALB per 50 services, an RDS per 25,
    EC2 for the rest, flows ALB -> EC2 -> RDS."""
    arch = Architecture()
    arch.add_node(RegionNode(id="region", label="Region", region="us-east-1"))
    made = 0
    vpc_index = 0
    while made < count:
        vpc = f"vpc-{vpc_index}"
        arch.add_node(VpcNode(id=vpc, label=vpc, parent_id="region", cidr=f"10.{vpc_index % 250}.0.0/16"))
        arch.add_service("internet_gateway", vpc, node_id=f"{vpc}-igw")
        subnets: dict[str, list[str]] = {"public": [], "app": [], "data": []}
        for z, letter in enumerate("abc"):
            az = f"{vpc}-az-{letter}"
            arch.add_node(AvailabilityZoneNode(id=az, label=az, parent_id=vpc, zone=f"us-east-1{letter}"))
            for t, tier in enumerate(("public", "app", "data")):
                sid = f"{az}-{tier}"
                arch.add_node(
                    SubnetNode(
                        id=sid,
                        label=sid,
                        parent_id=az,
                        cidr=f"10.{vpc_index % 250}.{z * 3 + t}.0/24",
                        tier="public" if tier == "public" else "private",
                    )
                )
                subnets[tier].append(sid)
        in_vpc = min(SERVICES_PER_VPC, count - made)
        alb = app = None
        for i in range(in_vpc):
            sid = f"{vpc}-s{i}"
            if i % 50 == 0:
                alb = arch.add_service(
                    "alb", subnets["public"][0], node_id=sid, extra_subnet_ids=subnets["public"][1:]
                ).id
            elif i % 25 == 0:
                db = arch.add_service(
                    "rds_instance", subnets["data"][0], node_id=sid, extra_subnet_ids=subnets["data"][1:]
                ).id
                if app:
                    arch.connect(app, db, ConnectionKind.TRAFFIC, port=5432)
            else:
                app = arch.add_service("ec2_instance", subnets["app"][i % 3], node_id=sid).id
                if alb:
                    arch.connect(alb, app, ConnectionKind.TRAFFIC, port=80)
        made += in_vpc
        vpc_index += 1
    return arch


def main(sizes: list[int]) -> None:
    print(
        f"{'services':>9} {'nodes':>7} {'connections':>11} {'findings':>9} {'validate ms (median of 3)':>26}"
    )
    for size in sizes:
        arch = generate(size)
        times, findings = [], 0
        for _ in range(3):
            start = time.perf_counter()
            result = validate(arch)
            times.append((time.perf_counter() - start) * 1000)
            findings = len(result.findings)
        print(
            f"{size:>9} {len(arch.nodes):>7} {len(arch.connections):>11} {findings:>9} {statistics.median(times):>26.1f}"
        )


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [100, 1000, 5000, 20000])
