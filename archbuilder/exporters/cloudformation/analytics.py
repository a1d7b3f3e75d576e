"""CloudFormation for data pipelines: Firehose delivery into S3, Glue crawlers and Athena workgroups."""

from __future__ import annotations

from typing import Any

from archbuilder.catalog import ConnectionKind
from archbuilder.exporters.cloudformation.context import CfnContext, get_att, ref, sub
from archbuilder.exporters.cloudformation.kit import Renderer, prop, service_role
from archbuilder.exporters.registry import ExportError
from archbuilder.model import ServiceNode


def _buckets(ctx: CfnContext, node: ServiceNode, kind: ConnectionKind) -> list[ServiceNode]:
    arch = ctx.architecture
    return [
        arch.service(c.target_id)
        for c in ctx.graph.connections_of(node.id)
        if c.source_id == node.id
        and c.kind in (kind, ConnectionKind.READ_WRITE)
        and arch.service(c.target_id).type == "s3_bucket"
    ]


def _firehose(ctx: CfnContext, node: ServiceNode) -> None:
    role = service_role(ctx, node, "firehose.amazonaws.com")
    buckets = _buckets(ctx, node, ConnectionKind.WRITE)
    if not buckets:
        raise ExportError(
            f"{node.label}: a Firehose delivery stream needs a write connection to an S3 bucket"
        )
    destination: dict[str, Any] = {
        "BucketARN": get_att(ctx.lid(buckets[0]), "Arn"),
        "RoleARN": get_att(role, "Arn"),
        "BufferingHints": {
            "IntervalInSeconds": int(prop(node, "buffer_interval_seconds", 300)),
            "SizeInMBs": int(prop(node, "buffer_size_mb", 5)),
        },
        "CompressionFormat": str(prop(node, "compression", "GZIP")),
    }
    key = "S3DestinationConfiguration"
    if prop(node, "lambda_transform", False):
        # Only the extended S3 destination takes a processing configuration.
        key = "ExtendedS3DestinationConfiguration"
        destination["ProcessingConfiguration"] = _lambda_processing(ctx, node)
    ctx.add(
        ctx.lid(node),
        "AWS::KinesisFirehose::DeliveryStream",
        {
            "DeliveryStreamType": "DirectPut",
            key: destination,
            # Buffered records encrypted at rest (the catalog's `encrypted`, on by default).
            **(
                {"DeliveryStreamEncryptionConfigurationInput": {"KeyType": "AWS_OWNED_CMK"}}
                if prop(node, "encrypted", True)
                else {}
            ),
        },
        DependsOn=f"{role}Policy",
    )


def _lambda_processing(ctx: CfnContext, node: ServiceNode) -> dict[str, Any]:
    """Each batch passed through the one function the stream invokes (the invoke connection grants the role
    lambda:InvokeFunction on it; Firehose also reads the function's configuration)."""
    arch = ctx.architecture
    functions = [
        arch.service(c.target_id)
        for c in ctx.graph.connections_of(node.id)
        if c.source_id == node.id
        and c.kind is ConnectionKind.INVOKE
        and arch.service(c.target_id).type == "lambda_function"
    ]
    if len(functions) != 1:
        found = ", ".join(f.label for f in functions) or "none"
        raise ExportError(
            f"{node.label}: a Lambda transformation needs exactly one Lambda function the stream invokes "
            f"(an invoke connection to it); found {found}"
        )
    function = get_att(ctx.lid(functions[0]), "Arn")
    ctx.allow(node, ["lambda:GetFunctionConfiguration"], function)
    return {
        "Enabled": True,
        "Processors": [
            {"Type": "Lambda", "Parameters": [{"ParameterName": "LambdaArn", "ParameterValue": function}]}
        ],
    }


def _crawler(ctx: CfnContext, node: ServiceNode) -> None:
    role = service_role(
        ctx,
        node,
        "glue.amazonaws.com",
        [sub("arn:${AWS::Partition}:iam::aws:policy/service-role/AWSGlueServiceRole")],
    )
    database = ctx.add(
        ctx.lid(node, "Database"),
        "AWS::Glue::Database",
        {
            "CatalogId": ref("AWS::AccountId"),
            "DatabaseInput": {"Name": str(prop(node, "database_name", "") or ctx.lid(node).lower() + "_db")},
        },
    )
    targets: list[dict[str, Any]] = [
        {"Path": sub(f"s3://${{{ctx.lid(b)}}}/")} for b in _buckets(ctx, node, ConnectionKind.READ)
    ]
    targets += [{"Path": str(path)} for path in prop(node, "s3_targets", [])]
    if not targets:
        # Glue refuses a crawler with no target (CreateCrawler, and the aws provider's schema, want one).
        raise ExportError(
            f"{node.label}: a Glue crawler needs something to crawl: a read connection to an S3 bucket "
            "or an S3 path in s3_targets"
        )
    ctx.add(
        ctx.lid(node),
        "AWS::Glue::Crawler",
        {
            "Role": get_att(role, "Arn"),
            "DatabaseName": ref(database),
            "Targets": {"S3Targets": targets},
            **(
                {"Schedule": {"ScheduleExpression": str(prop(node, "schedule"))}}
                if prop(node, "schedule")
                else {}
            ),
            **({"TablePrefix": str(prop(node, "table_prefix"))} if prop(node, "table_prefix") else {}),
        },
    )


def _athena(ctx: CfnContext, node: ServiceNode) -> None:
    results = _buckets(ctx, node, ConnectionKind.WRITE)
    configuration: dict[str, object] = {
        "EnforceWorkGroupConfiguration": bool(prop(node, "enforce_workgroup_configuration", True)),
        "PublishCloudWatchMetricsEnabled": bool(prop(node, "publish_cloudwatch_metrics", True)),
    }
    if prop(node, "bytes_scanned_cutoff_mb"):
        configuration["BytesScannedCutoffPerQuery"] = int(prop(node, "bytes_scanned_cutoff_mb")) * 1024 * 1024
    # A results bucket the design connects wins over a location typed in; either way results are encrypted.
    location = sub(f"s3://${{{ctx.lid(results[0])}}}/results/") if results else prop(node, "output_location")
    results_configuration: dict[str, object] = {"OutputLocation": location} if location else {}
    if prop(node, "encrypted", True):
        # Results encrypted whatever the bucket's default (the catalog's `encrypted`, on by default), also where
        # each query names its own location (the workgroup then names none).
        results_configuration["EncryptionConfiguration"] = {"EncryptionOption": "SSE_S3"}
    if results_configuration:
        configuration["ResultConfiguration"] = results_configuration
    ctx.add(
        ctx.lid(node),
        "AWS::Athena::WorkGroup",
        {"Name": sub(f"${{AWS::StackName}}-{ctx.lid(node)}"), "WorkGroupConfiguration": configuration},
    )


# The resource types this module renders; template.py merges every module's table.
RENDERERS: dict[str, Renderer] = {
    "firehose_stream": _firehose,
    "glue_crawler": _crawler,
    "athena_workgroup": _athena,
}
