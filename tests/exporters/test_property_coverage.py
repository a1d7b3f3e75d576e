"""Every catalog property of every service type the CloudFormation exporter supports reaches the exports.

For each (type, property) a design is exported twice: once with the property at its default and once at another
valid value. The CloudFormation template must differ, and so must the Terraform files. A property that does not
map to a template is listed, with its reason, in DESIGN_ONLY (nothing in a template says it) or NOT_YET_WRITTEN
(a template could say it; the export does not yet). Both tables are checked against the exporter too: a listed
property that the export does write fails, so that the tables stay true.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from archbuilder.catalog import ConnectionKind as K
from archbuilder.catalog import PropertySpec, default_catalog
from archbuilder.catalog.export_gaps import BY_PROPERTY, CLOUDFORMATION, GAPS, TERRAFORM
from archbuilder.catalog.service_type import ParentKind, Placement, PropertyType, check_property_value
from archbuilder.exporters.cloudformation.renderers import RENDERERS
from archbuilder.exporters.cloudformation.template import NETWORK_TYPES, build_template
from archbuilder.exporters.registry import ExportError
from archbuilder.exporters.terraform.files import render
from archbuilder.model import Architecture
from tests.exporters.cfn_tools import lint
from tests.exporters.tf_correspondence import check
from tests.model.builders import two_az_network

SUBJECT = "subject"
Setup = Callable[[Architecture], None]

Row = tuple[str, str, str]


def _table(*rows: Row) -> dict[tuple[str, str], str]:
    return {(type_id, name): reason for type_id, name, reason in rows}


# Properties that no template states, each with why.
DESIGN_ONLY = _table(
    ("aurora_cluster", "multi_az", "Aurora storage spans three AZs; instance_count (written) adds replicas"),
    (
        "msk_cluster",
        "encrypted",
        "MSK always encrypts broker storage; the flag only asks for a key of one's own",
    ),
    ("firehose_stream", "source", "structure: the source is the connection drawn into the stream"),
    ("firehose_stream", "destination", "structure: the destination is the write connection from the stream"),
    (
        "ec2_instance",
        "ebs_optimized",
        "current types are EBS-optimized anyway; t2 types refuse the attribute",
    ),
    ("route53_zone", "ttl_seconds", "the records written are aliases to AWS resources, which carry no TTL"),
    ("documentdb_cluster", "engine", "DocumentDB has one engine, which the resource type names"),
    ("neptune_cluster", "engine", "Neptune has one engine, which the resource type names"),
)

# Properties a template could state but the export does not write yet, each with what writing it takes: the
# catalog's table, which validation (OPS-035) and the exports' warnings read too.
NOT_YET_WRITTEN = {(gap.type_id, gap.name): gap.why for gap in GAPS}


def _target(kind: str, type_id: str, parent: str, extra: list[str] | None = None, **props: Any) -> Setup:
    """A second service the subject connects to (`kind` from the subject), so connection-driven settings exist."""

    def setup(arch: Architecture) -> None:
        arch.add_service(
            type_id, parent, label="Peer", node_id="peer", extra_subnet_ids=extra or [], properties=props
        )
        arch.connect(SUBJECT, "peer", K(kind))

    return setup


def _source(kind: str, type_id: str, parent: str, extra: list[str] | None = None, **props: Any) -> Setup:
    """A second service connecting to the subject."""

    def setup(arch: Architecture) -> None:
        arch.add_service(
            type_id, parent, label="Peer", node_id="peer", extra_subnet_ids=extra or [], properties=props
        )
        arch.connect("peer", SUBJECT, K(kind))

    return setup


def _peer(kind: str, type_id: str, node_id: str) -> Setup:
    """One more regional service the subject connects to (`kind` from the subject)."""

    def setup(arch: Architecture) -> None:
        arch.add_service(type_id, "region", label=node_id.title(), node_id=node_id)
        arch.connect(SUBJECT, node_id, K(kind))

    return setup


def _both(first: Setup, second: Setup) -> Setup:
    def both(arch: Architecture) -> None:
        first(arch)
        second(arch)

    return both


def _with_certificate(setup: Setup) -> Setup:
    """`setup`, plus a certificate attached to the subject (secure listeners and their redirect need one)."""

    def both(arch: Architecture) -> None:
        setup(arch)
        arch.add_service("acm_certificate", "region", label="Cert", node_id="cert")
        arch.connect("cert", SUBJECT, K("attach"))

    return both


def _customer_gateway_of_peer(arch: Architecture) -> None:
    """The other end of the VPN connection added as the peer."""
    arch.add_service("customer_gateway", "region", label="Office", node_id="office")
    arch.connect("peer", "office", K.ATTACH)


def _vpn_gateway_of_subject(arch: Architecture) -> None:
    """The AWS end of the VPN connection under test, with propagation off so static ranges become routes."""
    arch.add_service(
        "vpn_gateway", "vpc", label="Gateway", node_id="vgw", properties={"route_propagation": False}
    )
    arch.connect(SUBJECT, "vgw", K.ATTACH)


def _two_origins(arch: Architecture) -> None:
    """A distribution's context: a load balancer origin first (Host forwarding suits it), a bucket origin second
    (so that origin failover has two), and a certificate (alternate domain names need one)."""
    _with_certificate(_target("origin", "alb", "public-a", ["public-b"], internet_facing=True))(arch)
    arch.add_service("s3_bucket", "region", label="Store", node_id="store")  # after "peer": origins go by id
    arch.connect(SUBJECT, "store", K.ORIGIN)


# Where the subject sits when the first allowed parent would leave a property nothing to act on
# (ingress rules need the service inside the VPC).
PLACEMENT: dict[str, tuple[str, list[str]]] = {
    "lambda_function": ("private-a", ["private-b"]),
    "codebuild_project": ("private-a", ["private-b"]),
    "opensearch_domain": ("private-a", ["private-b"]),
    "batch_compute_environment": ("private-a", ["private-b"]),
    "sagemaker_endpoint": ("private-a", []),
    "sagemaker_notebook": ("private-a", []),
    "elastic_beanstalk": ("private-a", ["private-b"]),
}
# What else the design holds for each type, so that the subject's properties have something to act on.
CONTEXT: dict[str, Setup] = {
    "alb": _with_certificate(_target("traffic", "ec2_instance", "private-a")),
    "nlb": _with_certificate(_target("traffic", "ec2_instance", "private-a")),
    "clb": _with_certificate(_target("traffic", "ec2_instance", "private-a")),
    "api_gateway_rest": _target("invoke", "lambda_function", "region"),
    "api_gateway_http": _target("invoke", "lambda_function", "region"),
    "cloudfront_distribution": _two_origins,
    "route53_zone": _target("dns", "alb", "public-a", ["public-b"], internet_facing=True),
    "firehose_stream": _both(
        _target("write", "s3_bucket", "region"), _peer("invoke", "lambda_function", "transform")
    ),
    "glue_crawler": _target("read", "s3_bucket", "region"),
    # A service on EC2 has its container instances join the cluster it is attached to.
    "ecs_service": _both(
        _source("traffic", "alb", "public-a", ["public-b"], internet_facing=True),
        _peer("attach", "ecs_cluster", "cluster"),
    ),
    "fargate_task": _source("traffic", "alb", "public-a", ["public-b"], internet_facing=True),
    "backup_vault": _source("write", "dynamodb_table", "region"),
    "vpn_connection": _both(_target("attach", "customer_gateway", "region"), _vpn_gateway_of_subject),
    "codecommit_repository": _source("read", "codepipeline", "region"),
    "codepipeline": _target("invoke", "codebuild_project", "region"),
    "eks_node_group": _source("deploy", "eks_cluster", "private-a", ["private-b"]),
    "data_pipeline": _both(_target("read", "s3_bucket", "region"), _peer("write", "s3_bucket", "curated")),
    "vpn_gateway": _both(
        _source("attach", "vpn_connection", "region", static_routes_only=True, static_routes=["10.9.0.0/16"]),
        _customer_gateway_of_peer,
    ),
}
# Properties set on both sides of a comparison, so that the one under test takes effect.
BASE: dict[tuple[str, str], dict[str, Any]] = {
    ("dynamodb_table", "read_capacity"): {"billing_mode": "PROVISIONED"},
    ("dynamodb_table", "write_capacity"): {"billing_mode": "PROVISIONED"},
    ("dynamodb_table", "sort_key_type"): {"sort_key": "sk"},
    ("efs_file_system", "provisioned_throughput_mibps"): {"throughput_mode": "provisioned"},
    ("aurora_cluster", "min_capacity_acu"): {"capacity_mode": "serverless_v2"},
    ("aurora_cluster", "max_capacity_acu"): {"capacity_mode": "serverless_v2"},
    ("ebs_volume", "multi_attach"): {"volume_type": "io2", "iops": 3000},
    ("ebs_volume", "iops"): {"volume_type": "io2"},
    ("elasticache_cluster", "automatic_failover"): {"num_nodes": 2},
    ("route53_zone", "associated_vpcs"): {"private_zone": True},
    ("athena_workgroup", "encrypted"): {"output_location": "s3://example-results/athena/"},
    ("clb", "proxy_protocol"): {"listener_protocol": "TCP"},
    # On-premises ranges are routed when the connection routes statically (BGP learns them otherwise).
    ("vpn_connection", "static_routes"): {"static_routes_only": True},
    ("vpc_peering", "peer_region"): {"peer_vpc": "vpc-0123456789abcdef0"},
    ("vpc_peering", "peer_account_id"): {"peer_vpc": "vpc-0123456789abcdef0"},
    ("emr_cluster", "task_instance_type"): {"task_instance_count": 2},
    ("emr_cluster", "task_market"): {"task_instance_count": 2},
    ("sagemaker_endpoint", "target_invocations_per_instance"): {"max_instance_count": 2},
    ("batch_compute_environment", "min_vcpus"): {"resource_type": "EC2"},
    ("ecs_service", "instance_type"): {"launch_type": "EC2"},
    ("batch_compute_environment", "instance_types"): {"resource_type": "EC2"},
}
# Non-default values where the generic pick (flip, next enum value, double) would be invalid for AWS.
VALUES: dict[tuple[str, str], Any] = {
    ("eventbridge_rule", "event_pattern"): '{"source": ["aws.ec2"]}',
    ("eventbridge_rule", "schedule_expression"): "rate(5 minutes)",
    ("ec2_instance", "ami"): "ami-0123456789abcdef0",
    ("autoscaling_group", "ami"): "ami-0123456789abcdef0",
    ("ec2_instance", "user_data"): "#!/bin/sh\necho ready\n",
    ("ec2_instance", "key_name"): "operations",
    ("autoscaling_group", "key_name"): "operations",
    ("rds_instance", "engine_version"): "16.3",
    ("aurora_cluster", "engine_version"): "16.2",
    ("elasticache_cluster", "engine_version"): "7.1",
    ("cloudfront_distribution", "aliases"): ["www.example.com"],
    ("route53_zone", "associated_vpcs"): ["vpc-0123456789abcdef0"],
    ("redshift_cluster", "snapshot_copy_region"): "us-west-2",
    ("dynamodb_table", "replica_regions"): ["us-west-2"],
    ("dynamodb_table", "ttl_attribute"): "expires_at",
    ("glue_crawler", "s3_targets"): ["s3://example-data/raw/"],
    ("glue_crawler", "schedule"): "cron(0 3 * * ? *)",
    ("glue_crawler", "table_prefix"): "raw_",
    ("glue_job", "script_location"): "s3://example-scripts/job.py",
    ("athena_workgroup", "output_location"): "s3://example-results/athena/",
    ("ecs_cluster", "capacity_providers"): ["FARGATE"],
    ("iam_role", "managed_policy_arns"): ["arn:aws:iam::aws:policy/ReadOnlyAccess"],
    ("iam_role", "assumed_by"): "lambda.amazonaws.com",
    ("vpc_endpoint_interface", "service"): "ssm",
    ("route53_health_check", "fqdn"): "status.example.org",
    ("route53_zone", "domain_name"): "example.org",
    ("acm_certificate", "domain_name"): "api.example.com",
    ("ses_identity", "identity"): "example.org",
    ("s3_bucket", "bucket_name"): "example-archive-bucket",
    ("alb", "health_check_path"): "/health",
    ("cloudwatch_alarm", "metric_name"): "NetworkIn",
    ("codebuild_project", "image"): "aws/codebuild/standard:6.0",
    ("ecs_service", "image"): "public.ecr.aws/docker/library/httpd:2.4",
    ("fargate_task", "image"): "public.ecr.aws/docker/library/httpd:2.4",
    ("eks_cluster", "kubernetes_version"): "1.32",
    ("msk_cluster", "kafka_version"): "3.7.x",
    ("opensearch_domain", "engine_version"): "OpenSearch_2.13",
    ("opensearch_domain", "instance_type"): "m6g.large.search",
    ("glue_job", "glue_version"): "5.0",
    ("lambda_function", "handler"): "main.handle",
    ("security_group", "group_description"): "Bastion access",
    ("ssm_parameter", "parameter_type"): "StringList",
    ("transit_gateway", "shared_with"): ["111122223333"],
    ("customer_gateway", "ip_address"): "198.51.100.7",
    ("vpn_connection", "static_routes"): ["192.168.0.0/16"],
    ("vpc_peering", "peer_vpc"): "vpc-0123456789abcdef0",
    ("vpc_peering", "peer_region"): "us-west-2",
    ("vpc_peering", "peer_account_id"): "111122223333",
    ("direct_connect", "location"): "EqDC2",
    ("network_acl", "deny_cidrs"): ["198.51.100.0/24"],
    ("documentdb_cluster", "engine_version"): "4.0.0",
    ("neptune_cluster", "engine_version"): "1.3.2.1",
    ("batch_compute_environment", "instance_types"): ["c6i.large"],
    ("emr_cluster", "log_uri"): "s3://example-logs/emr/",
    ("emr_cluster", "applications"): ["Hadoop", "Hive"],
    ("data_pipeline", "schedule_period"): "6 hours",
    ("sagemaker_endpoint", "model_image"): "123456789012.dkr.ecr.us-east-1.amazonaws.com/model:1",
    ("sagemaker_endpoint", "model_data_url"): "s3://example-models/model.tar.gz",
}
INGRESS = [{"protocol": "tcp", "from_port": 8443, "to_port": 8443, "cidr": "10.0.0.0/16"}]


def other_value(type_id: str, spec: PropertySpec) -> Any:
    if (type_id, spec.name) in VALUES:
        return VALUES[(type_id, spec.name)]
    default = spec.default
    if spec.type is PropertyType.BOOLEAN:
        return not default
    if spec.type is PropertyType.ENUM:
        return next(v for v in spec.values if v != default)
    if spec.type in (PropertyType.INTEGER, PropertyType.NUMBER):
        if default is None:
            return int(spec.minimum or 0) + 30
        doubled = default * 2 if default else 1
        return doubled if spec.maximum is None or doubled <= spec.maximum else default - 1
    if spec.type is PropertyType.INGRESS_RULES:
        return INGRESS
    if spec.type is PropertyType.STRING_LIST:
        return ["example"]
    return f"{default or ''}changed"


def place(type_id: str) -> tuple[str | None, list[str]]:
    if type_id in PLACEMENT:
        return PLACEMENT[type_id]
    service = default_catalog().get(type_id)
    parents = set(service.allowed_parents)
    if service.placement in (Placement.SUBNET, Placement.MULTI_SUBNET):
        tier = "private" if ParentKind.PRIVATE_SUBNET in parents else "public"
        return f"{tier}-a", [f"{tier}-b"] if service.placement is Placement.MULTI_SUBNET else []
    for kind, parent in ((ParentKind.REGION, "region"), (ParentKind.VPC, "vpc"), (ParentKind.ROOT, None)):
        if kind in parents:
            return parent, []
    raise AssertionError(f"{type_id}: no parent this test knows how to place it in")


def design(type_id: str, properties: dict[str, Any]) -> Architecture:
    arch = two_az_network()
    arch.add_service("internet_gateway", "vpc", label="Gateway", node_id="igw")
    parent, extra = place(type_id)
    arch.add_service(
        type_id, parent, label="Subject", node_id=SUBJECT, extra_subnet_ids=extra, properties=properties
    )
    if type_id in CONTEXT:
        CONTEXT[type_id](arch)
    return arch


def exported_types() -> list[str]:
    return sorted(s.id for s in default_catalog() if s.id in RENDERERS or s.id in NETWORK_TYPES)


def cases() -> list[tuple[str, str]]:
    return [(t, spec.name) for t in exported_types() for spec in default_catalog().get(t).properties]


def exports(type_id: str, properties: dict[str, Any]) -> tuple[str, dict[str, str]]:
    arch = design(type_id, properties)
    return json.dumps(build_template(arch), sort_keys=True), render(arch)


@pytest.mark.parametrize(("type_id", "name"), cases(), ids=[f"{t}.{n}" for t, n in cases()])
def test_property_reaches_both_exports_or_is_listed(type_id: str, name: str) -> None:
    spec = default_catalog().get(type_id).property_spec(name)
    assert spec is not None
    key = (type_id, name)
    if spec.type is PropertyType.ENUM and len(spec.values) == 1:
        assert key in DESIGN_ONLY, f"{type_id}.{name} has one value: list it in DESIGN_ONLY"
        return
    value = other_value(type_id, spec)
    assert check_property_value(spec, value) is None, f"the test's value for {type_id}.{name} is invalid"
    assert value != spec.default
    base = BASE.get((type_id, name), {})
    default_cfn, default_tf = exports(type_id, base)
    changed_cfn, changed_tf = exports(type_id, {**base, name: value})
    if key in DESIGN_ONLY:
        assert (changed_cfn, changed_tf) == (default_cfn, default_tf), (
            f"{type_id}.{name}: take it out of DESIGN_ONLY"
        )
        return
    if key in BY_PROPERTY:
        gap = BY_PROPERTY[key]
        # Each format the table names leaves the value out, and states what the table says in its place.
        stated_cfn, stated_tf = exports(type_id, {**base, name: gap.written})
        if CLOUDFORMATION in gap.formats:
            assert changed_cfn == stated_cfn, (
                f"{type_id}.{name} is written now: take CloudFormation out of its gap"
            )
        if TERRAFORM in gap.formats:
            assert changed_tf == stated_tf, f"{type_id}.{name} is written now: take Terraform out of its gap"
        if gap.formats == (CLOUDFORMATION, TERRAFORM):
            return
    if key not in BY_PROPERTY or CLOUDFORMATION not in BY_PROPERTY[key].formats:
        assert changed_cfn != default_cfn, (
            f"{type_id}.{name} = {value!r} does not change the CloudFormation template: write it, or list it"
        )
    if key not in BY_PROPERTY or TERRAFORM not in BY_PROPERTY[key].formats:
        assert changed_tf != default_tf, (
            f"{type_id}.{name} changes the CloudFormation template but not Terraform"
        )


def test_the_tables_name_catalog_properties_of_exported_types_once() -> None:
    listed = set(cases())
    assert set(DESIGN_ONLY) <= listed
    assert set(NOT_YET_WRITTEN) <= listed
    assert not set(DESIGN_ONLY) & set(NOT_YET_WRITTEN)
    assert all(reason.strip() for reason in [*DESIGN_ONLY.values(), *NOT_YET_WRITTEN.values()])
    assert set(VALUES) <= listed and set(BASE) <= listed


def written_properties_design() -> Architecture:
    """One design setting, with values a deployment would use, the properties the exports write since they
    were found ignored, so cfn-lint judges the settings against the resource specification."""
    arch = two_az_network()
    arch.add_service("internet_gateway", "vpc", label="Gateway", node_id="igw")

    def add(
        type_id: str, parent: str | None, node_id: str, extra: list[str] | None = None, **props: Any
    ) -> None:
        arch.add_service(
            type_id,
            parent,
            label=node_id.title(),
            node_id=node_id,
            extra_subnet_ids=extra or [],
            properties=props,
        )

    add(
        "s3_bucket",
        "region",
        "archive",
        lifecycle_to_glacier_days=90,
        abort_incomplete_multipart_days=3,
        object_lock=True,
        website=True,
    )
    add(
        "rds_instance",
        "private-a",
        "orders",
        ["private-b"],
        iam_database_authentication=True,
        custom_parameter_group=True,
    )
    add(
        "rds_instance",
        "private-a",
        "accounts",
        ["private-b"],
        engine="mysql",
        engine_version="8.0.44",
        custom_parameter_group=True,
    )
    add(
        "dynamodb_table",
        "region",
        "sessions",
        billing_mode="PROVISIONED",
        read_capacity=10,
        write_capacity=4,
        ttl_attribute="expires_at",
        deletion_protection=False,
        stream="NEW_AND_OLD_IMAGES",
        replica_regions=["us-west-2"],
    )
    add("sns_topic", "region", "ledger", fifo=True)
    add("kinesis_stream", "region", "clicks", stream_mode="ON_DEMAND")
    add(
        "ec2_instance",
        "private-a",
        "worker",
        ami="ami-0123456789abcdef0",
        user_data="#!/bin/sh\necho ready\n",
        termination_protection=True,
        require_imdsv2=True,
    )
    add(
        "autoscaling_group",
        "private-a",
        "fleet",
        ["private-b"],
        ami="resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64",
        key_name="ops",
        instance_type="t4g.micro",
        health_check_type="EC2",
        health_check_grace_period_seconds=120,
        cooldown_seconds=60,
        volume_type="gp2",
    )
    add(
        "alb",
        "public-a",
        "web",
        ["public-b"],
        internet_facing=True,
        idle_timeout_seconds=120,
        deletion_protection=True,
        sticky_sessions=True,
        deregistration_delay_seconds=30,
        health_check_path="/health",
    )
    add(
        "nlb",
        "public-a",
        "tcp",
        ["public-b"],
        cross_zone=True,
        deregistration_delay_seconds=10,
        idle_timeout_seconds=900,
    )
    add("clb", "public-a", "classic", ["public-b"], listener_protocol="TCP", proxy_protocol=True)
    add("api_gateway_rest", "region", "storefront", throttling_rate_limit=250)
    add("lambda_function", "region", "handler")
    add("nat_gateway", "public-b", "transit", connectivity="private")
    add(
        "athena_workgroup",
        "region",
        "queries",
        bytes_scanned_cutoff_mb=1024,
        publish_cloudwatch_metrics=False,
        output_location="s3://example-results/athena/",
    )
    add(
        "glue_crawler",
        "region",
        "catalog",
        s3_targets=["s3://example-data/raw/"],
        schedule="cron(0 3 * * ? *)",
        table_prefix="raw_",
    )
    add(
        "elasticache_cluster",
        "private-a",
        "cache",
        ["private-b"],
        engine_version="7.1",
        automatic_failover=False,
        multi_az=False,
    )
    add("ecr_repository", "region", "images", encryption_type="KMS", lifecycle_keep_last=10)
    add("cloudtrail", "region", "audit", data_events=True)
    add("backup_vault", "region", "vault", vault_lock=True, delete_after_days=30)
    add("cloudwatch_log_group", "region", "logs", encrypted=True, retention_days="90")
    add("ecs_cluster", "region", "containers", capacity_providers=["FARGATE_SPOT", "FARGATE"])
    add(
        "cloudfront_distribution",
        None,
        "cdn",
        compress=False,
        ipv6_enabled=False,
        allowed_methods="GET,HEAD,OPTIONS,PUT,POST,PATCH,DELETE",
        default_ttl_seconds=3600,
    )
    add(
        "cloudfront_distribution",
        None,
        "site",
        aliases=["www.example.com", "shop.example.com"],
        forward_host_header=True,
    )
    add("acm_certificate", "region", "certificate", domain_name="www.example.com")
    add("cloudfront_distribution", None, "mirror", origin_failover=True)
    add("s3_bucket", "region", "replica")
    add(
        "aurora_cluster",
        "private-a",
        "reports",
        ["private-b"],
        storage_type="aurora-iopt1",
        custom_parameter_group=True,
    )
    add(
        "redshift_cluster",
        "private-a",
        "warehouse",
        ["private-b"],
        multi_az=True,
        instance_class="ra3.4xlarge",
        custom_parameter_group=True,
        snapshot_copy_region="us-west-2",
    )
    add("glue_job", "region", "etl", script_location="s3://example-scripts/job.py", encrypted=True)
    add("lambda_function", "region", "enrich")
    add("firehose_stream", "region", "deliveries", lambda_transform=True)
    add(
        "route53_zone",
        None,
        "zone",
        evaluate_target_health=False,
        private_zone=True,
        routing_policy="latency",
    )
    # Clients sign in with mutual TLS (certificate authorities the deploy names) or SCRAM, not unauthenticated.
    add("msk_cluster", "private-a", "certified", ["private-b"], client_authentication="tls")
    add("msk_cluster", "private-a", "scram", ["private-b"], client_authentication="sasl_scram")
    arch.connect("web", "fleet", K.TRAFFIC)
    arch.connect("tcp", "worker", K.TRAFFIC)
    arch.connect("classic", "worker", K.TRAFFIC)
    arch.connect("storefront", "handler", K.INVOKE)
    arch.connect("cdn", "archive", K.ORIGIN)
    arch.connect("site", "web", K.ORIGIN)
    arch.connect("certificate", "site", K.ATTACH)
    arch.connect("mirror", "replica", K.ORIGIN, label="secondary")
    arch.connect("mirror", "web", K.ORIGIN, label="primary")
    arch.connect("zone", "web", K.DNS)
    arch.connect("deliveries", "archive", K.WRITE)
    arch.connect("deliveries", "enrich", K.INVOKE)
    return arch


def test_the_written_properties_pass_cfn_lint_and_keep_the_terraform_correspondence() -> None:
    arch = written_properties_design()
    template = build_template(arch)
    assert lint(json.dumps(template), "written-properties.json") == []
    resources = template["Resources"]
    assert resources["Archive"]["Properties"]["LifecycleConfiguration"] == {
        "Rules": [
            {
                "Id": "abort-incomplete-multipart-uploads",
                "Status": "Enabled",
                "AbortIncompleteMultipartUpload": {"DaysAfterInitiation": 3},
            },
            {
                "Id": "transition-to-glacier",
                "Status": "Enabled",
                "Transitions": [{"StorageClass": "GLACIER", "TransitionInDays": 90}],
            },
        ]
    }
    assert resources["Certified"]["Properties"]["ClientAuthentication"] == {
        "Tls": {"CertificateAuthorityArnList": {"Ref": "CertifiedCertificateAuthorityArns"}, "Enabled": True}
    }
    assert template["Parameters"]["CertifiedCertificateAuthorityArns"]["Type"] == "CommaDelimitedList"
    assert "Default" not in template["Parameters"]["CertifiedCertificateAuthorityArns"]
    assert resources["Scram"]["Properties"]["ClientAuthentication"] == {"Sasl": {"Scram": {"Enabled": True}}}
    # The Network Load Balancer's group is attached to it (the targets' rules admit that group).
    assert resources["Tcp"]["Properties"]["SecurityGroups"] == [{"Ref": "TcpSecurityGroup"}]
    assert resources["WorkerSecurityGroupFromTcp"]["Properties"]["SourceSecurityGroupId"] == {
        "Ref": "TcpSecurityGroup"
    }
    terraform = check(arch)
    assert terraform[("aws_msk_cluster", "certified")]["client_authentication"] == [
        {"tls": [{"certificate_authority_arns": "${var.certified_certificate_authority_arns}"}]}
    ]
    assert terraform[("aws_msk_cluster", "scram")]["client_authentication"] == [{"sasl": [{"scram": True}]}]
    assert terraform[("aws_lb", "tcp")]["security_groups"] == ["${aws_security_group.tcp_security_group.id}"]
    lifecycle = terraform[("aws_s3_bucket_lifecycle_configuration", "archive")]
    assert [rule["id"] for rule in lifecycle["rule"]] == [
        "abort-incomplete-multipart-uploads",
        "transition-to-glacier",
    ]
    assert lifecycle["rule"][0]["abort_incomplete_multipart_upload"] == [{"days_after_initiation": 3}]
    assert lifecycle["rule"][1]["transition"] == [{"days": 90, "storage_class": "GLACIER"}]
    assert terraform[("aws_s3_bucket", "archive")]["object_lock_enabled"] is True
    assert terraform[("aws_lb_target_group", "web_target_group")]["deregistration_delay"] == 30
    assert terraform[("aws_lb", "web")]["idle_timeout"] == 120
    assert terraform[("aws_kinesis_stream", "clicks")]["stream_mode_details"] == [
        {"stream_mode": "ON_DEMAND"}
    ]


def test_a_capacity_provider_the_export_cannot_create_is_refused_by_name() -> None:
    arch = design("ecs_cluster", {"capacity_providers": ["FARGATE", "spot-fleet"]})
    with pytest.raises(
        ExportError, match=r"^Subject: capacity providers spot-fleet need Auto Scaling groups"
    ):
        build_template(arch)
