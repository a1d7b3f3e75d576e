"""The reference designs among the bundled examples: what a review would approve, each built to pass the checks
with nothing but notes (a three-tier web application, a serverless API, a data lake)."""

from __future__ import annotations

from example_network import network

from archbuilder.catalog import ConnectionKind as K
from archbuilder.model import Architecture, Environment, Metadata, RegionNode


def reference_web_app() -> Architecture:
    """A three-tier web application built to pass the checks: what a reviewer would approve."""
    arch = Architecture(
        metadata=Metadata(
            name="Reference: well-architected web application",
            description=(
                "A three-tier web application as a review would approve it: DNS and TLS in front of an Application "
                "Load Balancer, an Auto Scaling group of instances in private subnets of two AZs, "
                "a Multi-AZ PostgreSQL database with its standby in the second AZ and a Redis cache with automatic "
                "failover in the data subnets, a NAT gateway per AZ, S3 through a gateway endpoint and a multi-region audit trail."
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
    arch.add_service("vpc_endpoint_gateway", "vpc", label="S3 endpoint", node_id="s3-endpoint")
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
        properties={"min_size": 2, "max_size": 6, "desired_capacity": 2, "instance_type": "m7g.large"},
    )
    arch.add_service(
        "rds_instance",
        "data-a",
        label="Orders database",
        node_id="orders-db",
        extra_subnet_ids=["data-b"],
        properties={
            "engine": "postgres",
            "instance_class": "db.m7g.large",
            "allocated_storage_gb": 100,
            "multi_az": True,
            "backup_retention_days": 14,
        },
    )
    arch.add_service(
        "elasticache_cluster",
        "data-a",
        label="Session cache",
        node_id="cache",
        extra_subnet_ids=["data-b"],
        properties={"engine": "redis", "node_type": "cache.r7g.large", "num_nodes": 2},
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
    arch.connect("app-asg", "cache", K.TRAFFIC, port=6379, protocol="tcp")
    arch.connect("app-asg", "assets", K.READ_WRITE)
    return arch


def reference_serverless_api() -> Architecture:
    """A serverless API built to pass the checks."""
    arch = Architecture(
        metadata=Metadata(
            name="Reference: serverless API",
            description=(
                "A serverless API as a review would approve it: a private bucket for the web client behind "
                "CloudFront with its certificate, a REST API authorising callers with IAM and calling functions that read and write a DynamoDB "
                "table with point-in-time recovery, an SQS queue with a dead-letter queue feeding a worker whose "
                "run time fits the queue's visibility timeout and a multi-region audit trail."
            ),
            environment=Environment.PRODUCTION,
        )
    )
    arch.add_node(RegionNode(id="region", label="US East (N. Virginia)", region="us-east-1"))
    arch.add_service("cloudfront_distribution", None, label="Web CDN", node_id="cdn")
    arch.add_service(
        "route53_zone", None, label="example.com", node_id="dns", properties={"domain_name": "example.com"}
    )
    arch.add_service("s3_bucket", "region", label="Web client", node_id="web-bucket")
    arch.add_service(
        "api_gateway_rest",
        "region",
        label="Orders API",
        node_id="api",
        properties={"authorization": "AWS_IAM"},
    )
    arch.add_service(
        "lambda_function",
        "region",
        label="Orders handler",
        node_id="orders-fn",
        properties={"memory_mb": 512, "timeout_seconds": 10, "handler": "index.handler"},
    )
    arch.add_service(
        "lambda_function",
        "region",
        label="Fulfilment worker",
        node_id="worker-fn",
        properties={"memory_mb": 512, "timeout_seconds": 60, "handler": "index.handler"},
    )
    arch.add_service(
        "dynamodb_table",
        "region",
        label="Orders table",
        node_id="orders-table",
        properties={"partition_key": "order_id", "point_in_time_recovery": True},
    )
    arch.add_service(
        "sqs_queue",
        "region",
        label="Fulfilment queue",
        node_id="queue",
        properties={"visibility_timeout_seconds": 360},
    )
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


def reference_data_lake() -> Architecture:
    """A data lake built to pass the checks."""
    arch = Architecture(
        metadata=Metadata(
            name="Reference: data lake",
            description=(
                "A data lake as a review would approve it: events producers put into an on-demand Kinesis data stream, a "
                "function that validates them and hands them to Firehose, which delivers compressed objects to the "
                "lake bucket; a Glue crawler catalogues it and Athena queries it in a workgroup that enforces "
                "encrypted results and a scan limit, writing to a results bucket of its own."
            ),
            environment=Environment.PRODUCTION,
        )
    )
    arch.add_node(RegionNode(id="region", label="Europe (Ireland)", region="eu-west-1"))
    arch.add_service(
        "kinesis_stream",
        "region",
        label="Event stream",
        node_id="stream",
        properties={"stream_mode": "ON_DEMAND"},
    )
    arch.add_service(
        "lambda_function",
        "region",
        label="Validator",
        node_id="validator",
        properties={"timeout_seconds": 30, "handler": "index.handler"},
    )
    arch.add_service("firehose_stream", "region", label="Lake delivery", node_id="delivery")
    arch.add_service("s3_bucket", "region", label="Lake", node_id="lake")
    arch.add_service("glue_crawler", "region", label="Lake crawler", node_id="crawler")
    arch.add_service(
        "athena_workgroup",
        "region",
        label="Analysts",
        node_id="athena",
        properties={"bytes_scanned_cutoff_mb": 102400},
    )
    arch.add_service("s3_bucket", "region", label="Query results", node_id="results")
    arch.add_service("cloudtrail", "region", label="Audit trail", node_id="trail")
    arch.connect("stream", "validator", K.POLL)
    arch.connect("validator", "delivery", K.WRITE)
    arch.connect("delivery", "lake", K.WRITE)
    arch.connect("crawler", "lake", K.READ)
    arch.connect("athena", "lake", K.READ)
    arch.connect("athena", "results", K.WRITE)
    return arch
