"""For every rule: an architecture that passes it and one that fails it, with the exact findings expected.

Each case builds on a small two-AZ network (tests/model/builders.py) and changes only what the rule is about,
so the bad fixture differs from the good one by the one thing the rule checks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from archbuilder.catalog import ConnectionKind as K
from archbuilder.model import (
    Architecture,
    AvailabilityZoneNode,
    Environment,
    RegionNode,
    SubnetNode,
    VpcNode,
)
from tests.model.builders import two_az_network

Build = Callable[[], Architecture]


@dataclass(frozen=True)
class Case:
    ok: Build
    bad: Build
    expected: list[tuple[tuple[str, ...], str]]  # (node ids, message) of each finding of the rule on `bad`


def _net(*, igw: bool = True) -> Architecture:
    arch = two_az_network()
    if igw:
        arch.add_service("internet_gateway", "vpc", node_id="igw")
    return arch


def _with(build: Callable[[Architecture], None], *, igw: bool = True) -> Build:
    def make() -> Architecture:
        arch = _net(igw=igw)
        build(arch)
        return arch

    return make


def _web(ingress: list[dict[str, object]], public_ip: bool = True) -> Callable[[Architecture], None]:
    def build(arch: Architecture) -> None:
        arch.add_service(
            "ec2_instance",
            "public-a",
            label="Web",
            node_id="web",
            properties={"associate_public_ip": public_ip, "ingress": ingress},
        )

    return build


def _world(port: int) -> dict[str, object]:
    return {"protocol": "tcp", "from_port": port, "to_port": port, "cidr": "0.0.0.0/0"}


def _db(parent: str, extra: list[str] | None = None, **props: object) -> Callable[[Architecture], None]:
    def build(arch: Architecture) -> None:
        arch.add_service(
            "rds_instance", parent, label="DB", node_id="db", extra_subnet_ids=extra or [], properties=props
        )

    return build


def _svc(
    type_id: str, parent: str | None, node_id: str, extra: list[str] | None = None, **props: object
) -> Callable[[Architecture], None]:
    def build(arch: Architecture) -> None:
        arch.add_service(
            type_id,
            parent,
            label=node_id.capitalize(),
            node_id=node_id,
            extra_subnet_ids=extra or [],
            properties=props,
        )

    return build


def _both(*steps: Callable[[Architecture], None]) -> Callable[[Architecture], None]:
    def build(arch: Architecture) -> None:
        for step in steps:
            step(arch)

    return build


def _connect(source: str, target: str, kind: K, port: int | None = None) -> Callable[[Architecture], None]:
    return lambda arch: arch.connect(source, target, kind, port=port) and None


def _environment(env: Environment) -> Callable[[Architecture], None]:
    return lambda arch: arch.set_metadata("environment", env)


def _cloudfront_cert(region: str) -> Build:
    def make() -> Architecture:
        arch = Architecture()
        arch.add_node(RegionNode(id="r", label="Region", region=region))
        arch.add_service("cloudfront_distribution", None, label="CDN", node_id="cdn")
        arch.add_service("acm_certificate", "r", label="Cert", node_id="cert")
        arch.connect("cert", "cdn", K.ATTACH)
        return arch

    return make


def _vpcs(count: int) -> Build:
    def make() -> Architecture:
        arch = Architecture()
        arch.add_node(RegionNode(id="r", label="Region"))
        for index in range(count):
            arch.add_node(
                VpcNode(id=f"v{index}", label=f"V{index}", parent_id="r", cidr=f"10.{index}.0.0/16")
            )
        return arch

    return make


def _cidr_vpc(cidr: str) -> Build:
    def make() -> Architecture:
        arch = Architecture()
        arch.add_node(RegionNode(id="r", label="Region"))
        arch.add_node(VpcNode(id="v", label="Wide", parent_id="r", cidr=cidr))
        return arch

    return make


def _single_az_vpc(services: bool) -> Build:
    def make() -> Architecture:
        arch = Architecture()
        arch.add_node(RegionNode(id="r", label="Region"))
        arch.add_node(VpcNode(id="v", label="Solo", parent_id="r"))
        arch.add_node(AvailabilityZoneNode(id="a", label="A", parent_id="v", zone="us-east-1a"))
        arch.add_node(SubnetNode(id="s", label="S", parent_id="a", cidr="10.0.0.0/24"))
        if services:
            arch.add_service("ec2_instance", "s", label="Box", node_id="box")
        return arch

    return make


def _public_subnet_users(igw: bool) -> Build:
    return _with(_svc("nat_gateway", "public-a", "nat"), igw=igw)


CASES: dict[str, Case] = {
    "SEC-001": Case(
        ok=_with(_web([_world(443)])),
        bad=_with(_web([_world(22), _world(3389)])),
        expected=[(("web",), "“Web” allows SSH and RDP from 0.0.0.0/0")],
    ),
    "SEC-002": Case(
        ok=_with(_web([_world(80), _world(443)])),
        bad=_with(
            _web([_world(443), {"protocol": "tcp", "from_port": 8000, "to_port": 8080, "cidr": "0.0.0.0/0"}])
        ),
        expected=[(("web",), "“Web” is open to 0.0.0.0/0 on 8000-8080")],
    ),
    "SEC-003": Case(
        ok=_with(_db("private-a", ["private-b"])),
        bad=_with(_db("public-a", ["public-b"])),
        expected=[(("db",), "“DB” is a data store in a public subnet")],
    ),
    "SEC-004": Case(
        ok=_with(_db("private-a", ["private-b"])),
        bad=_with(_db("private-a", ["private-b"], publicly_accessible=True)),
        expected=[(("db",), "“DB” is reachable from the internet through its publicly accessible endpoint")],
    ),
    "SEC-005": Case(
        ok=_with(_svc("s3_bucket", "region", "bucket")),
        bad=_with(_svc("s3_bucket", "region", "bucket", encrypted=False)),
        expected=[(("bucket",), "“Bucket” stores data without encryption at rest")],
    ),
    "SEC-006": Case(
        ok=_with(_svc("s3_bucket", "region", "bucket")),
        bad=_with(_svc("s3_bucket", "region", "bucket", public_access=True)),
        expected=[(("bucket",), "“Bucket” allows public access")],
    ),
    "SEC-007": Case(
        ok=_with(_both(_svc("s3_bucket", "region", "bucket"), _svc("cloudtrail", "region", "trail"))),
        bad=_with(_svc("s3_bucket", "region", "bucket")),
        expected=[((), "The design has no CloudTrail trail: API activity in the account is not audited")],
    ),
    "SEC-008": Case(
        ok=_with(
            _both(
                _svc("ec2_instance", "private-a", "app"),
                _db(
                    "private-a",
                    ["private-b"],
                    ingress=[{"protocol": "tcp", "from_port": 5432, "to_port": 5432, "source_id": "app"}],
                ),
                _connect("app", "db", K.TRAFFIC, 5432),
            )
        ),
        bad=_with(
            _both(
                _svc("ec2_instance", "private-a", "app"),
                _db(
                    "private-a",
                    ["private-b"],
                    ingress=[{"protocol": "tcp", "from_port": 3306, "to_port": 3306, "source_id": "app"}],
                ),
                _connect("app", "db", K.TRAFFIC, 5432),
            )
        ),
        expected=[(("app", "db"), "“App” → “DB” on port 5432: no security group rule of “DB” allows it")],
    ),
    "SEC-009": Case(
        ok=_with(_svc("alb", "public-a", "alb", ["public-b"], internet_facing=False)),
        bad=_with(_svc("alb", "public-a", "alb", ["public-b"], internet_facing=True)),
        expected=[(("alb",), "“Alb” takes internet traffic with no WAF web ACL attached")],
    ),
    "SEC-010": Case(
        ok=_with(_svc("api_gateway_rest", "region", "api", authorization="AWS_IAM")),
        bad=_with(_svc("api_gateway_rest", "region", "api")),
        expected=[(("api",), "“Api” accepts calls from the internet without authorization")],
    ),
    "SEC-011": Case(
        ok=_with(_svc("kms_key", "region", "key")),
        bad=_with(_svc("kms_key", "region", "key", key_rotation=False)),
        expected=[(("key",), "“Key” has automatic rotation turned off")],
    ),
    "SEC-012": Case(
        ok=_with(_svc("secrets_manager_secret", "region", "secret")),
        bad=_with(_svc("secrets_manager_secret", "region", "secret", rotation_days=0)),
        expected=[(("secret",), "“Secret” is never rotated")],
    ),
    "SEC-013": Case(
        ok=_with(_web([_world(80)], public_ip=False)),
        bad=_with(_web([_world(80)], public_ip=True)),
        expected=[(("web",), "“Web” accepts connections straight from the internet")],
    ),
    "SEC-014": Case(
        ok=_with(_svc("cognito_user_pool", "region", "users")),
        bad=_with(_svc("cognito_user_pool", "region", "users", mfa="OFF")),
        expected=[(("users",), "“Users” has MFA turned off")],
    ),
    "REL-001": Case(
        ok=_with(_db("private-a", ["private-b"])),
        bad=_with(_db("private-a")),
        expected=[(("db",), "“DB” has subnets in 1 availability zone(s); its subnet group needs two")],
    ),
    "REL-002": Case(
        ok=_with(
            _both(_db("private-a", ["private-b"], multi_az=False), _environment(Environment.DEVELOPMENT))
        ),
        bad=_with(_db("private-a", ["private-b"], multi_az=False)),
        expected=[(("db",), "“DB” is a production database without Multi-AZ")],
    ),
    "REL-003": Case(
        ok=_with(_db("private-a", ["private-b"], backup_retention_days=1)),
        bad=_with(_db("private-a", ["private-b"], backup_retention_days=0)),
        expected=[(("db",), "“DB” has automated backups turned off (retention 0 days)")],
    ),
    "REL-004": Case(
        ok=_with(_svc("autoscaling_group", "private-a", "asg", ["private-b"])),
        bad=_with(_svc("autoscaling_group", "private-a", "asg")),
        expected=[(("asg",), "“Asg” runs in one availability zone only")],
    ),
    "REL-005": Case(
        ok=_with(_svc("alb", "public-a", "alb", ["public-b"])),
        bad=_with(_svc("alb", "public-a", "alb")),
        expected=[(("alb",), "“Alb” has subnets in one availability zone only")],
    ),
    "REL-006": Case(
        ok=_with(_both(_svc("ec2_instance", "private-a", "one"), _svc("ec2_instance", "private-b", "two"))),
        bad=_with(_both(_svc("ec2_instance", "private-a", "one"), _svc("ec2_instance", "private-a", "two"))),
        expected=[(("one", "two"), "Every application server in VPC “Main” is in us-east-1a")],
    ),
    "REL-007": Case(
        ok=_with(
            _both(
                _svc("nat_gateway", "public-a", "nat-a"),
                _svc("nat_gateway", "public-b", "nat-b"),
                _svc("ec2_instance", "private-a", "one"),
                _svc("ec2_instance", "private-b", "two"),
            )
        ),
        bad=_with(
            _both(
                _svc("nat_gateway", "public-a", "nat-a"),
                _svc("ec2_instance", "private-a", "one"),
                _svc("ec2_instance", "private-b", "two"),
            )
        ),
        expected=[
            (
                ("nat-a",),
                "Private subnets Private b (us-east-1b) reach the internet through a NAT gateway in another AZ (us-east-1a)",
            )
        ],
    ),
    "REL-008": Case(
        ok=_with(_svc("ec2_instance", "private-a", "batch")),
        bad=_with(
            _both(
                _svc("alb", "public-a", "alb", ["public-b"]),
                _svc("ec2_instance", "private-a", "app"),
                _connect("alb", "app", K.TRAFFIC, 80),
            )
        ),
        expected=[(("app",), "“App” serves traffic but is not replaced automatically if it fails")],
    ),
    "REL-009": Case(
        ok=_with(_svc("sqs_queue", "region", "queue")),
        bad=_with(_svc("sqs_queue", "region", "queue", dead_letter_queue=False)),
        expected=[(("queue",), "“Queue” has no dead-letter queue")],
    ),
    "REL-010": Case(
        ok=_with(_svc("s3_bucket", "region", "bucket")),
        bad=_with(_svc("s3_bucket", "region", "bucket", versioning=False)),
        expected=[(("bucket",), "“Bucket” has versioning turned off")],
    ),
    "REL-011": Case(
        ok=_with(_svc("dynamodb_table", "region", "table")),
        bad=_with(_svc("dynamodb_table", "region", "table", point_in_time_recovery=False)),
        expected=[(("table",), "“Table” has point-in-time recovery turned off")],
    ),
    "REL-012": Case(
        ok=_with(_svc("efs_file_system", "private-a", "files", ["private-b"])),
        bad=_with(_svc("efs_file_system", "private-a", "files")),
        expected=[(("files",), "“Files” has mount targets in one availability zone only")],
    ),
    "REL-013": Case(
        ok=_with(
            _both(
                _svc("lambda_function", "private-a", "fn", ["private-b"]),
                _svc("dynamodb_table", "region", "table"),
                _svc("vpc_endpoint_gateway", "vpc", "endpoint"),
                _connect("fn", "table", K.WRITE),
            )
        ),
        bad=_with(
            _both(
                _svc("lambda_function", "private-a", "fn", ["private-b"]),
                _svc("dynamodb_table", "region", "table"),
                _connect("fn", "table", K.WRITE),
            )
        ),
        expected=[
            (("fn",), "“Fn” runs in a VPC with no NAT gateway or VPC endpoint, so it cannot reach Table")
        ],
    ),
    "REL-014": Case(
        ok=_public_subnet_users(igw=True),
        bad=_public_subnet_users(igw=False),
        expected=[(("nat",), "VPC “Main” has public subnets (Public a, Public b) but no internet gateway")],
    ),
    "REL-015": Case(
        ok=_single_az_vpc(services=False),
        bad=_single_az_vpc(services=True),
        expected=[(("box",), "VPC “Solo” uses one availability zone (us-east-1a)")],
    ),
    "COST-001": Case(
        ok=_with(
            _both(
                _svc("ec2_instance", "private-a", "app"),
                _db("private-a", ["private-b"]),
                _connect("app", "db", K.TRAFFIC, 5432),
            )
        ),
        bad=_with(
            _both(
                _svc("ec2_instance", "private-a", "app"),
                _svc("ec2_instance", "private-b", "cache"),
                _connect("app", "cache", K.TRAFFIC, 6379),
            )
        ),
        expected=[
            (
                ("app", "cache"),
                "“App” (us-east-1a) → “Cache” (us-east-1b) crosses availability zones; that traffic is billed",
            )
        ],
    ),
    "COST-002": Case(
        ok=_with(
            _both(
                _svc("elastic_ip", "region", "eip"),
                _svc("ec2_instance", "public-a", "box"),
                _connect("eip", "box", K.ATTACH),
            )
        ),
        bad=_with(_svc("elastic_ip", "region", "eip")),
        expected=[(("eip",), "“Eip” is not attached to anything and is billed while idle")],
    ),
    "COST-003": Case(
        ok=_with(
            _both(
                _svc("ec2_instance", "private-a", "app"),
                _svc("s3_bucket", "region", "bucket"),
                _svc("vpc_endpoint_gateway", "vpc", "endpoint"),
                _connect("app", "bucket", K.READ),
            )
        ),
        bad=_with(
            _both(
                _svc("ec2_instance", "private-a", "app"),
                _svc("s3_bucket", "region", "bucket"),
                _connect("app", "bucket", K.READ),
            )
        ),
        expected=[(("app",), "“App” reaches Bucket without a VPC gateway endpoint")],
    ),
    "COST-004": Case(
        ok=_with(_svc("cloudwatch_log_group", "region", "logs")),
        bad=_with(_svc("cloudwatch_log_group", "region", "logs", retention_days="never")),
        expected=[(("logs",), "“Logs” keeps log events forever")],
    ),
    "COST-005": Case(
        ok=_with(_svc("cloudfront_distribution", None, "cdn")),
        bad=_with(_svc("shield", None, "shield")),
        expected=[(("shield",), "“Shield” subscribes to Shield Advanced (USD 3,000 per month)")],
    ),
    "COST-006": Case(
        ok=_with(_svc("alb", "public-a", "alb", ["public-b"])),
        bad=lambda: _four_az_alb(),
        expected=[(("alb",), "“Alb” spans 4 availability zones")],
    ),
    "PERF-001": Case(
        ok=_with(_svc("ebs_volume", "private-a", "disk", volume_type="gp3")),
        bad=_with(_svc("ebs_volume", "private-a", "disk", volume_type="st1")),
        expected=[(("disk",), "“Disk” uses a magnetic volume (st1)")],
    ),
    "PERF-002": Case(
        ok=_with(
            _both(
                _svc("s3_bucket", "region", "site", website=True),
                _svc("cloudfront_distribution", None, "cdn"),
                _connect("cdn", "site", K.ORIGIN),
            )
        ),
        bad=_with(_svc("s3_bucket", "region", "site", website=True)),
        expected=[(("site",), "“Site” hosts a website without CloudFront in front")],
    ),
    "OPS-001": Case(
        ok=_with(
            _both(_svc("ec2_instance", "private-a", "app"), _svc("cloudwatch_alarm", "region", "alarm"))
        ),
        bad=_with(_svc("ec2_instance", "private-a", "app")),
        expected=[((), "No CloudWatch alarm watches the 1 running services of this design")],
    ),
    "LIM-001": Case(
        ok=_cloudfront_cert("us-east-1"),
        bad=_cloudfront_cert("eu-west-1"),
        expected=[
            (
                ("cdn", "cert"),
                "“CDN” uses certificate “Cert” from eu-west-1; CloudFront needs it in us-east-1",
            )
        ],
    ),
    "LIM-002": Case(
        ok=_cidr_vpc("10.0.0.0/16"),
        bad=_cidr_vpc("10.0.0.0/8"),
        expected=[(("v",), "VPC “Wide” has CIDR 10.0.0.0/8; AWS allows /16 to /28")],
    ),
    "LIM-003": Case(
        ok=_vpcs(5),
        bad=_vpcs(6),
        expected=[
            (
                ("v0", "v1", "v2", "v3", "v4", "v5"),
                "Region “Region” has 6 VPCs; the default quota is 5 per region",
            )
        ],
    ),
    "LIM-004": Case(
        ok=_with(_svc("alb", "public-a", "alb", ["public-b"], internet_facing=True)),
        bad=_with(_svc("alb", "private-a", "alb", ["private-b"], internet_facing=True)),
        expected=[(("alb",), "“Alb” is internet facing but sits only in private subnets")],
    ),
    "LIM-005": Case(
        ok=_with(_svc("s3_bucket", "region", "bucket", bucket_name="acme-assets")),
        bad=_with(_svc("s3_bucket", "region", "bucket", bucket_name="Acme.Assets")),
        expected=[(("bucket",), "“Bucket” has bucket name 'Acme.Assets', which is not DNS compliant")],
    ),
    "REL-016": Case(
        ok=_with(
            _both(
                _svc("alb", "public-a", "alb", ["public-b"]),
                _svc("autoscaling_group", "private-a", "asg", ["private-b"]),
                _connect("alb", "asg", K.TRAFFIC, 80),
            )
        ),
        bad=_with(
            _both(
                _svc("alb", "public-a", "alb", ["public-b"]),
                _svc("autoscaling_group", "private-a", "asg", ["private-b"], health_check_type="EC2"),
                _connect("alb", "asg", K.TRAFFIC, 80),
            )
        ),
        expected=[(("asg",), "“Asg” is behind a load balancer but only uses EC2 health checks")],
    ),
    "REL-017": Case(
        ok=_with(_svc("elasticache_cluster", "private-a", "cache", ["private-b"], num_nodes=2)),
        bad=_with(_svc("elasticache_cluster", "private-a", "cache", ["private-b"], num_nodes=1)),
        expected=[(("cache",), "“Cache” has a single node")],
    ),
    "REL-018": Case(
        ok=_with(
            _both(
                _svc("sqs_queue", "region", "queue", visibility_timeout_seconds=180),
                _svc("lambda_function", "region", "fn", timeout_seconds=30),
                _connect("queue", "fn", K.POLL),
            )
        ),
        bad=_with(
            _both(
                _svc("sqs_queue", "region", "queue", visibility_timeout_seconds=10),
                _svc("lambda_function", "region", "fn", timeout_seconds=30),
                _connect("queue", "fn", K.POLL),
            )
        ),
        expected=[(("queue", "fn"), "“Queue” hides messages for 10 s but “Fn” may run 30 s")],
    ),
    "SEC-015": Case(
        ok=_with(
            _both(
                _svc("ec2_instance", "private-a", "app"),
                _svc("nat_gateway", "public-a", "nat"),
                _svc("ses_identity", "region", "mail"),
                _connect("app", "mail", K.WRITE),
            )
        ),
        bad=_with(
            _both(
                _svc("ec2_instance", "private-a", "app"),
                _svc("ses_identity", "region", "mail"),
                _connect("app", "mail", K.WRITE),
            )
        ),
        expected=[
            (
                ("app", "mail"),
                "“App” is in private subnets with no NAT gateway or endpoint, so it cannot reach SES “Mail”",
            )
        ],
    ),
    "COST-007": Case(
        ok=_with(_svc("s3_bucket", "region", "bucket")),
        bad=_with(_svc("s3_bucket", "region", "bucket", abort_incomplete_multipart_days=None)),
        expected=[(("bucket",), "“Bucket” keeps incomplete multipart uploads (and pays for them) forever")],
    ),
    "LIM-006": Case(
        ok=_with(_both(*[_svc("elastic_ip", "region", f"ip{i}") for i in range(5)])),
        bad=_with(
            _both(
                *[_svc("elastic_ip", "region", f"ip{i}") for i in range(5)],
                _svc("nat_gateway", "public-a", "nat"),
            )
        ),
        expected=[
            (
                ("ip0", "ip1", "ip2", "ip3", "ip4", "nat"),
                "6 Elastic IPs (NAT gateways included) in us-east-1; the default quota is 5",
            )
        ],
    ),
    "OPS-002": Case(
        ok=_with(_svc("ec2_instance", "private-a", "box", termination_protection=True)),
        bad=_with(_svc("ec2_instance", "private-a", "box")),
        expected=[(("box",), "“Box” can be terminated by mistake")],
    ),
    "OPS-003": Case(
        ok=_with(
            _both(
                _svc("ec2_instance", "private-a", "box", detailed_monitoring=True),
                _svc("cloudwatch_alarm", "region", "alarm"),
            )
        ),
        bad=_with(
            _both(_svc("ec2_instance", "private-a", "box"), _svc("cloudwatch_alarm", "region", "alarm"))
        ),
        expected=[(("box",), "“Box” reports metrics only every five minutes")],
    ),
    "PERF-003": Case(
        ok=_with(
            _both(
                _svc("ebs_volume", "private-a", "disk", volume_type="io2"),
                _svc("ec2_instance", "private-a", "box"),
                _connect("disk", "box", K.ATTACH),
            )
        ),
        bad=_with(
            _both(
                _svc("ebs_volume", "private-a", "disk", volume_type="io2"),
                _svc("ec2_instance", "private-a", "box", ebs_optimized=False),
                _connect("disk", "box", K.ATTACH),
            )
        ),
        expected=[(("disk", "box"), "“Disk” provisions IOPS but “Box” is not EBS-optimized")],
    ),
}


def _four_az_alb() -> Architecture:
    arch = Architecture()
    arch.add_node(RegionNode(id="r", label="Region"))
    arch.add_node(VpcNode(id="v", label="V", parent_id="r"))
    arch.add_service("internet_gateway", "v", node_id="igw")
    for index, letter in enumerate("abcd"):
        arch.add_node(
            AvailabilityZoneNode(id=f"az-{letter}", label=letter, parent_id="v", zone=f"us-east-1{letter}")
        )
        arch.add_node(
            SubnetNode(
                id=f"s-{letter}",
                label=letter,
                parent_id=f"az-{letter}",
                cidr=f"10.0.{index}.0/24",
                tier="public",
            )
        )
    arch.add_service("alb", "s-a", label="Alb", node_id="alb", extra_subnet_ids=["s-b", "s-c", "s-d"])
    return arch
