"""Builds the bundled reference architectures in resources/examples/ through the model API.

Run `.venv/bin/python scripts/make_examples.py [NAME ...]` after changing an example here (only the named ones
are rewritten when names are given); the committed files are
checked by tests (they load, round-trip byte-identically and raise the findings they were built for).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from example_network import network
from reference_examples import reference_data_lake, reference_serverless_api, reference_web_app

from archbuilder.catalog import ConnectionKind as K
from archbuilder.model import (
    Architecture,
    Environment,
    Metadata,
    RegionNode,
    save,
)
from archbuilder.model.layout import auto_layout

OUT = Path(__file__).resolve().parent.parent / "resources" / "examples"


def three_tier_web() -> Architecture:
    arch = Architecture(
        metadata=Metadata(
            name="Three-tier web application",
            description=(
                "A classic web application across two availability zones: an internet-facing Application Load "
                "Balancer in the public subnets, an Auto Scaling group of EC2 instances in the private app "
                "subnets, and a Multi-AZ PostgreSQL RDS instance in the private data subnets. Each AZ has its "
                "own NAT gateway so that one AZ failing does not cut the other off from the internet."
            ),
            environment=Environment.PRODUCTION,
        )
    )
    network(arch)
    arch.add_service("internet_gateway", "vpc", label="Internet gateway", node_id="igw")
    for letter in "ab":
        arch.add_service(
            "nat_gateway", f"public-{letter}", label=f"NAT gateway {letter}", node_id=f"nat-{letter}"
        )
    arch.add_service(
        "alb",
        "public-a",
        label="Web load balancer",
        node_id="web-alb",
        extra_subnet_ids=["public-b"],
        properties={"internet_facing": True, "listener_port": 443, "listener_protocol": "HTTPS"},
    )
    arch.add_service(
        "autoscaling_group",
        "app-a",
        label="App servers",
        node_id="app-asg",
        extra_subnet_ids=["app-b"],
        properties={"min_size": 2, "max_size": 6, "desired_capacity": 2, "instance_type": "t3.small"},
    )
    arch.add_service(
        "rds_instance",
        "data-a",
        label="Orders database",
        node_id="orders-db",
        extra_subnet_ids=["data-b"],
        properties={"engine": "postgres", "multi_az": True, "backup_retention_days": 7, "encrypted": True},
    )
    arch.add_service(
        "acm_certificate",
        "region",
        label="Web certificate",
        node_id="web-cert",
        properties={"domain_name": "shop.example.com"},
    )
    arch.add_service("s3_bucket", "region", label="Static assets", node_id="assets")
    arch.add_service("cloudtrail", "region", label="Audit trail", node_id="trail")
    arch.add_service(
        "route53_zone", None, label="example.com", node_id="dns", properties={"domain_name": "example.com"}
    )
    arch.connect("dns", "web-alb", K.DNS, label="shop.example.com")
    arch.connect("web-cert", "web-alb", K.ATTACH)
    arch.connect("web-alb", "app-asg", K.TRAFFIC, port=8080, protocol="http")
    arch.connect("app-asg", "orders-db", K.TRAFFIC, port=5432, protocol="tcp", label="SQL")
    arch.connect("app-asg", "assets", K.READ_WRITE)
    return arch


def serverless_api() -> Architecture:
    arch = Architecture(
        metadata=Metadata(
            name="Serverless API",
            description=(
                "A REST API with no servers to manage: CloudFront in front of an S3 bucket for the web client, API "
                "Gateway invoking Lambda functions that read and write a DynamoDB table, and an SQS queue feeding a "
                "worker function."
            ),
        )
    )
    arch.add_node(RegionNode(id="region", label="US East (N. Virginia)", region="us-east-1"))
    arch.add_service("cloudfront_distribution", None, label="Web CDN", node_id="cdn")
    arch.add_service(
        "route53_zone", None, label="example.com", node_id="dns", properties={"domain_name": "example.com"}
    )
    arch.add_service("s3_bucket", "region", label="Web client", node_id="web-bucket")
    arch.add_service("api_gateway_rest", "region", label="Orders API", node_id="api")
    arch.add_service("lambda_function", "region", label="Orders handler", node_id="orders-fn")
    arch.add_service("lambda_function", "region", label="Fulfilment worker", node_id="worker-fn")
    arch.add_service(
        "dynamodb_table",
        "region",
        label="Orders table",
        node_id="orders-table",
        properties={"partition_key": "order_id", "point_in_time_recovery": True},
    )
    arch.add_service("sqs_queue", "region", label="Fulfilment queue", node_id="queue")
    arch.add_service(
        "acm_certificate",
        "region",
        label="CDN certificate",
        node_id="cdn-cert",
        properties={"domain_name": "app.example.com"},
    )
    arch.add_service("cloudtrail", "region", label="Audit trail", node_id="trail")
    arch.connect("dns", "cdn", K.DNS)
    arch.connect("cdn-cert", "cdn", K.ATTACH)
    arch.connect("cdn", "web-bucket", K.ORIGIN)
    arch.connect("api", "orders-fn", K.INVOKE)
    arch.connect("orders-fn", "orders-table", K.READ_WRITE)
    arch.connect("orders-fn", "queue", K.WRITE)
    arch.connect("queue", "worker-fn", K.POLL)
    arch.connect("worker-fn", "orders-table", K.WRITE)
    return arch


def static_site() -> Architecture:
    arch = Architecture(
        metadata=Metadata(
            name="Static website",
            description="A static website served from a private S3 bucket through CloudFront with a TLS certificate "
            "from ACM in us-east-1 and DNS in Route 53.",
        )
    )
    arch.add_node(RegionNode(id="region", label="US East (N. Virginia)", region="us-east-1"))
    arch.add_service(
        "route53_zone", None, label="example.com", node_id="dns", properties={"domain_name": "example.com"}
    )
    arch.add_service("cloudfront_distribution", None, label="Website CDN", node_id="cdn")
    arch.add_service(
        "acm_certificate",
        "region",
        label="www certificate",
        node_id="cert",
        properties={"domain_name": "www.example.com"},
    )
    arch.add_service("s3_bucket", "region", label="Website content", node_id="site")
    arch.add_service("s3_bucket", "region", label="Access logs", node_id="logs")
    arch.connect("dns", "cdn", K.DNS, label="www.example.com")
    arch.connect("cert", "cdn", K.ATTACH)
    arch.connect("cdn", "site", K.ORIGIN)
    arch.connect("cdn", "logs", K.LOGS)
    return arch


def ecs_fargate() -> Architecture:
    arch = Architecture(
        metadata=Metadata(
            name="Containers on ECS Fargate",
            description="A containerised web service on ECS Fargate across two AZs behind an Application Load "
            "Balancer, images in ECR, sessions in ElastiCache Redis, secrets in Secrets Manager.",
        )
    )
    network(arch, tiers=(("public", "Public"), ("private", "App")))
    arch.add_service("internet_gateway", "vpc", label="Internet gateway", node_id="igw")
    for letter in "ab":
        arch.add_service(
            "nat_gateway", f"public-{letter}", label=f"NAT gateway {letter}", node_id=f"nat-{letter}"
        )
    arch.add_service(
        "alb",
        "public-a",
        label="Service load balancer",
        node_id="alb",
        extra_subnet_ids=["public-b"],
        properties={"internet_facing": True, "listener_port": 443, "listener_protocol": "HTTPS"},
    )
    arch.add_service(
        "fargate_task", "app-a", label="Web service", node_id="web-svc", extra_subnet_ids=["app-b"]
    )
    arch.add_service(
        "elasticache_cluster",
        "app-a",
        label="Session cache",
        node_id="cache",
        extra_subnet_ids=["app-b"],
        properties={"engine": "redis", "num_nodes": 2},
    )
    arch.add_service("ecr_repository", "region", label="Web image", node_id="repo")
    arch.add_service("ecs_cluster", "region", label="Production cluster", node_id="cluster")
    arch.add_service("secrets_manager_secret", "region", label="App secrets", node_id="secrets")
    arch.add_service(
        "acm_certificate",
        "region",
        label="Service certificate",
        node_id="cert",
        properties={"domain_name": "app.example.com"},
    )
    arch.add_service("cloudwatch_log_group", "region", label="Service logs", node_id="logs")
    arch.add_service("cloudtrail", "region", label="Audit trail", node_id="trail")
    arch.connect("cert", "alb", K.ATTACH)
    arch.connect("alb", "web-svc", K.TRAFFIC, port=8080, protocol="http")
    arch.connect("web-svc", "cache", K.TRAFFIC, port=6379)
    arch.connect("web-svc", "repo", K.READ)
    arch.connect("web-svc", "secrets", K.READ)
    arch.connect("web-svc", "logs", K.LOGS)
    return arch


def streaming_pipeline() -> Architecture:
    arch = Architecture(
        metadata=Metadata(
            name="Streaming data pipeline",
            description="Clickstream events into a Kinesis data stream, a Lambda function enriching them into S3 "
            "through Firehose, a Glue crawler cataloguing the data and Athena querying it.",
        )
    )
    arch.add_node(RegionNode(id="region", label="Europe (Ireland)", region="eu-west-1"))
    arch.add_service("api_gateway_rest", "region", label="Collector API", node_id="collector")
    arch.add_service(
        "kinesis_stream", "region", label="Click stream", node_id="stream", properties={"shard_count": 2}
    )
    arch.add_service("lambda_function", "region", label="Enricher", node_id="enricher")
    arch.add_service("firehose_stream", "region", label="Delivery stream", node_id="firehose")
    arch.add_service("s3_bucket", "region", label="Data lake", node_id="lake")
    arch.add_service("glue_crawler", "region", label="Lake crawler", node_id="crawler")
    arch.add_service("athena_workgroup", "region", label="Analysts", node_id="athena")
    arch.add_service("s3_bucket", "region", label="Query results", node_id="results")
    arch.add_service("cloudtrail", "region", label="Audit trail", node_id="trail")
    arch.connect("collector", "stream", K.WRITE)
    arch.connect("stream", "enricher", K.POLL)
    arch.connect("enricher", "firehose", K.WRITE)
    arch.connect("firehose", "lake", K.WRITE)
    arch.connect("crawler", "lake", K.READ)
    arch.connect("athena", "lake", K.READ)
    arch.connect("athena", "results", K.WRITE)
    return arch


def startup_mvp() -> Architecture:
    """Deliberately flawed: everything in one AZ, the database public, SSH open to the world, no backups."""
    arch = Architecture(
        metadata=Metadata(
            name="Startup MVP (flawed on purpose)",
            description="A first version built in a hurry, kept as a teaching example: one availability zone, the "
            "database in a public subnet, SSH open to the whole internet, no database backups, no Multi-AZ.",
        )
    )
    network(arch, zones="a", tiers=(("public", "Public"),))
    arch.add_service("internet_gateway", "vpc", label="Internet gateway", node_id="igw")
    arch.add_service(
        "ec2_instance",
        "public-a",
        label="Web server",
        node_id="web",
        properties={
            "associate_public_ip": True,
            "ingress": [
                {
                    "protocol": "tcp",
                    "from_port": 22,
                    "to_port": 22,
                    "cidr": "0.0.0.0/0",
                    "description": "SSH",
                },
                {
                    "protocol": "tcp",
                    "from_port": 80,
                    "to_port": 80,
                    "cidr": "0.0.0.0/0",
                    "description": "HTTP",
                },
            ],
        },
    )
    arch.add_service(
        "rds_instance",
        "public-a",
        label="App database",
        node_id="db",
        properties={
            "engine": "mysql",
            "multi_az": False,
            "backup_retention_days": 0,
            "publicly_accessible": True,
            "encrypted": False,
        },
    )
    arch.add_service(
        "s3_bucket",
        "region",
        label="Uploads",
        node_id="uploads",
        properties={"versioning": False, "public_access": True},
    )
    arch.connect("web", "db", K.TRAFFIC, port=3306)
    arch.connect("web", "uploads", K.READ_WRITE)
    return arch


EXAMPLES: dict[str, Callable[[], Architecture]] = {
    "three-tier-web": three_tier_web,
    "serverless-api": serverless_api,
    "static-site": static_site,
    "ecs-fargate": ecs_fargate,
    "streaming-pipeline": streaming_pipeline,
    "startup-mvp": startup_mvp,
    "reference-web-app": reference_web_app,
    "reference-serverless-api": reference_serverless_api,
    "reference-data-lake": reference_data_lake,
}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    names = sys.argv[1:] or list(EXAMPLES)
    for name in names:
        build = EXAMPLES[name]
        arch = build()
        auto_layout(arch)
        save(arch, OUT / f"{name}.arch.json")
        print(f"wrote {OUT / f'{name}.arch.json'}")


if __name__ == "__main__":
    main()
