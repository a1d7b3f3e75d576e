"""A design with an ECS service on EC2 behind a load balancer, beside a Fargate service in the same cluster: the
exports' tests and the import round trips of ECS on EC2 share it."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind as K
from archbuilder.model import Architecture
from tests.model.builders import two_az_network


def ecs_on_ec2() -> Architecture:
    arch = two_az_network()
    arch.metadata.name = "Orders on EC2"
    add = arch.add_service
    add("ecs_cluster", "region", label="Cluster", node_id="cluster")
    add("alb", "public-a", label="Front", node_id="front", extra_subnet_ids=["public-b"])
    add(
        "ecs_service",
        "private-a",
        label="Orders",
        node_id="orders",
        extra_subnet_ids=["private-b"],
        properties={"launch_type": "EC2", "instance_type": "m7i.large", "desired_count": 3},
    )
    add(
        "ecs_service",
        "private-a",
        label="Reports",
        node_id="reports",
        extra_subnet_ids=["private-b"],
        properties={"launch_type": "FARGATE"},
    )
    arch.connect("front", "orders", K.TRAFFIC)
    arch.connect("orders", "cluster", K.ATTACH)
    arch.connect("reports", "cluster", K.ATTACH)
    return arch
