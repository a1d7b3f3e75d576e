"""The production defaults a reviewer expects of infrastructure code, added to every design once its services
are rendered, each switchable in the design's `metadata.export_defaults` (model/document.py):

- tags: `Environment` and `Design` on every resource that takes tags (tagging.py; Terraform: the provider's
  default_tags);
- Application Load Balancer access logs, to a bucket of their own (access_logs.py);
- VPC flow logs to a log group of each VPC's own, delivered through a role only VPC Flow Logs may assume;
- buckets that refuse requests without TLS (a Deny on aws:SecureTransport false, in the bucket's one policy);
- databases with Performance Insights (where the engine and instance class have it) and their logs exported;
- functions traced with X-Ray, logging to a group with a retention, and sending events they fail on to a
  dead-letter queue;
with every log group kept for the design's retention."""

from __future__ import annotations

from typing import Any

from archbuilder.exporters.cloudformation.access_logs import load_balancer_access_logs
from archbuilder.exporters.cloudformation.context import CfnContext, get_att, ref, sub
from archbuilder.exporters.cloudformation.kit import assumable_role, managed_policy
from archbuilder.exporters.cloudformation.tagging import tag_everything
from archbuilder.model import VpcNode

# The log types each engine exports (RDS and Aurora EnableCloudwatchLogsExports).
ENGINE_LOGS = {
    "postgres": ["postgresql", "upgrade"],
    "aurora-postgresql": ["postgresql"],
    "mysql": ["error", "slowquery"],
    "mariadb": ["error", "slowquery"],
    "aurora-mysql": ["error", "slowquery"],
    "oracle": ["alert", "listener"],
    "sqlserver": ["error", "agent"],
}
# Instance classes Performance Insights does not support for MySQL and MariaDB (RDS user guide, Performance
# Insights engine and class support, checked 2026-12); every other engine and class has it.
NO_INSIGHTS_CLASSES = {
    "db.t2.micro",
    "db.t2.small",
    "db.t3.micro",
    "db.t3.small",
    "db.t4g.micro",
    "db.t4g.small",
}
INSIGHTS_RETENTION_DAYS = 7  # the free tier's
DEAD_LETTER_RETENTION_SECONDS = 1209600  # 14 days, SQS's longest


def apply_production_defaults(ctx: CfnContext) -> None:
    settings = ctx.architecture.metadata.export_defaults
    if settings.vpc_flow_logs:
        for vpc in ctx.graph.vpcs:
            _flow_logs(ctx, vpc, settings.log_retention_days)
    if settings.load_balancer_access_logs:
        load_balancer_access_logs(ctx, settings.log_retention_days)
    if settings.s3_tls_only:
        _tls_only_buckets(ctx)
    if settings.database_monitoring:
        _database_monitoring(ctx)
    for name in ctx.of_type("AWS::Lambda::Function"):
        _function_defaults(ctx, name, ctx.resources[name]["Properties"], settings)
    if settings.tags:
        tag_everything(ctx)


def _log_group(ctx: CfnContext, logical: str, days: int) -> str:
    return ctx.add(logical, "AWS::Logs::LogGroup", {"RetentionInDays": _retention(days)})


# The retention periods CloudWatch Logs accepts.
RETENTIONS = (
    1,
    3,
    5,
    7,
    14,
    30,
    60,
    90,
    120,
    150,
    180,
    365,
    400,
    545,
    731,
    1096,
    1827,
    2192,
    2557,
    2922,
    3288,
    3653,
)


def _retention(days: int) -> int:
    """The shortest accepted retention that keeps logs at least `days`."""
    return next(r for r in RETENTIONS if r >= days)


def _flow_logs(ctx: CfnContext, vpc: VpcNode, days: int) -> None:
    vpc_id = ctx.lid(vpc)
    group = _log_group(ctx, ctx.lid(vpc, "FlowLogs"), days)
    role = assumable_role(ctx, ctx.lid(vpc, "FlowLogsRole"), "vpc-flow-logs.amazonaws.com")
    ctx.grant(
        role,
        ["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"],
        [get_att(group, "Arn"), sub(f"${{{group}.Arn}}:*")],
    )
    ctx.add(
        ctx.lid(vpc, "FlowLog"),
        "AWS::EC2::FlowLog",
        {
            "ResourceId": ref(vpc_id),
            "ResourceType": "VPC",
            "TrafficType": "ALL",
            "LogDestinationType": "cloud-watch-logs",
            "LogGroupName": ref(group),
            "DeliverLogsPermissionArn": get_att(role, "Arn"),
            "Tags": [{"Key": "Name", "Value": f"{vpc.label} flow logs"}],
        },
    )


def _deny_plain_http(bucket: str) -> dict[str, Any]:
    return {
        "Sid": "DenyRequestsWithoutTls",
        "Effect": "Deny",
        "Principal": "*",
        "Action": "s3:*",
        "Resource": [get_att(bucket, "Arn"), sub(f"${{{bucket}.Arn}}/*")],
        "Condition": {"Bool": {"aws:SecureTransport": "false"}},
    }


def _tls_only_buckets(ctx: CfnContext) -> None:
    """A bucket takes one policy: the Deny joins the policy the bucket has, or one of its own."""
    policies: dict[Any, dict[str, Any]] = {}
    for logical in ctx.of_type("AWS::S3::BucketPolicy"):
        body = ctx.resources[logical]
        if isinstance(body["Properties"].get("Bucket"), dict):
            policies[body["Properties"]["Bucket"].get("Ref")] = body
    for name in ctx.of_type("AWS::S3::Bucket"):
        policy = policies.get(name)
        if policy is not None:
            policy["Properties"]["PolicyDocument"]["Statement"].append(_deny_plain_http(name))
        else:
            ctx.add(
                f"{name}TlsPolicy",
                "AWS::S3::BucketPolicy",
                {
                    "Bucket": ref(name),
                    "PolicyDocument": {"Version": "2012-10-17", "Statement": [_deny_plain_http(name)]},
                },
            )


_DATABASE_TYPES = ("AWS::RDS::DBCluster", "AWS::RDS::DBInstance")


def _database_monitoring(ctx: CfnContext) -> None:
    for body in [ctx.resources[name] for kind in _DATABASE_TYPES for name in ctx.of_type(kind)]:
        props = body.get("Properties") or {}
        engine = str(props.get("Engine", "")).lower()
        kind = engine if engine.startswith("aurora-") else engine.split("-")[0]
        if body["Type"] == "AWS::RDS::DBCluster" and kind in ENGINE_LOGS:
            props.setdefault("EnableCloudwatchLogsExports", ENGINE_LOGS[kind])
        if body["Type"] != "AWS::RDS::DBInstance":
            continue
        if "DBClusterIdentifier" not in props and kind in ENGINE_LOGS:
            props.setdefault("EnableCloudwatchLogsExports", ENGINE_LOGS[kind])
        instance_class = _default_of(ctx, props.get("DBInstanceClass"))
        if kind in ("mysql", "mariadb") and instance_class in NO_INSIGHTS_CLASSES:
            continue
        props.setdefault("EnablePerformanceInsights", True)
        props.setdefault("PerformanceInsightsRetentionPeriod", INSIGHTS_RETENTION_DAYS)


def _default_of(ctx: CfnContext, value: Any) -> Any:
    """A parameter's default in place of a Ref to it."""
    if isinstance(value, dict) and set(value) == {"Ref"} and value["Ref"] in ctx.parameters:
        return ctx.parameters[value["Ref"]].get("Default")
    return value


def _function_defaults(ctx: CfnContext, name: str, props: dict[str, Any], settings: Any) -> None:
    role = props["Role"]["Fn::GetAtt"][0] if isinstance(props.get("Role"), dict) else None
    if settings.function_tracing:
        props["TracingConfig"] = {"Mode": "Active"}
        if "LoggingConfig" not in props:  # a function drawn logging to a log group keeps logging there
            group = _log_group(ctx, f"{name}LogGroup", settings.log_retention_days)
            props["LoggingConfig"] = {"LogGroup": ref(group), "LogFormat": "Text"}
        if role in ctx.resources:
            managed = ctx.resources[role]["Properties"].setdefault("ManagedPolicyArns", [])
            managed.append(managed_policy("AWSXRayDaemonWriteAccess"))
    if settings.function_dead_letter_queue:
        queue = ctx.add(
            f"{name}DeadLetterQueue",
            "AWS::SQS::Queue",
            {"MessageRetentionPeriod": DEAD_LETTER_RETENTION_SECONDS, "SqsManagedSseEnabled": True},
        )
        props["DeadLetterConfig"] = {"TargetArn": get_att(queue, "Arn")}
        if role in ctx.resources:
            ctx.grant(role, ["sqs:SendMessage"], get_att(queue, "Arn"))
