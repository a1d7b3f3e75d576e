"""Push-style connections in CloudFormation: S3 event notifications, SNS subscriptions and EventBridge rule
targets, each with the invoke permission or resource policy the receiver needs (guide C-48, C-49, C-53, C-54,
C-59). Queue and topic policies are gathered per receiver, because a second `AWS::SQS::QueuePolicy` on the
same queue replaces the first instead of adding to it."""

from __future__ import annotations

import json
from typing import Any

from archbuilder.catalog import ConnectionKind
from archbuilder.exporters.cloudformation.batch_jobs import SUBMIT, job_definition
from archbuilder.exporters.cloudformation.context import CfnContext, get_att, ref, sub
from archbuilder.exporters.cloudformation.kit import Renderer, assumable_role, prop, written_instead
from archbuilder.exporters.cloudformation.unwritten_connections import name_uncallable
from archbuilder.exporters.registry import ExportError
from archbuilder.model import Connection, ServiceNode
from archbuilder.model.naming import snake

S3_EVENTS = ["s3:ObjectCreated:*"]
MAX_RULE_TARGETS = 5
# What a rule needs to be allowed to do to a target it cannot reach through a resource policy.
RULE_ROLE_ACTIONS = {
    "step_functions": ("states:StartExecution", "Ref"),
    "kinesis_stream": ("kinesis:PutRecord", "Arn"),
    "firehose_stream": ("firehose:PutRecord", "Arn"),
    "eventbridge_bus": ("events:PutEvents", "Arn"),
}


def wire_events(ctx: CfnContext) -> None:
    """Runs after every service is rendered: notifications are added to the buckets' own properties."""
    arch = ctx.architecture
    for connection in sorted(arch.connections.values(), key=lambda c: c.id):
        source, target = arch.service(connection.source_id), arch.service(connection.target_id)
        if connection.kind is ConnectionKind.EVENT and source.type == "s3_bucket":
            _s3_notification(ctx, connection, source, target)
        elif connection.kind is ConnectionKind.SUBSCRIBE and source.type == "sns_topic":
            _subscription(ctx, connection, source, target)
    for queue, statements in sorted(ctx.queue_statements.items()):
        ctx.add(
            f"{queue}Policy",
            "AWS::SQS::QueuePolicy",
            {
                "Queues": [ref(queue)],
                "PolicyDocument": {"Version": "2012-10-17", "Statement": statements},
            },
        )
    for topic, statements in sorted(ctx.topic_statements.items()):
        ctx.add(
            f"{topic}Policy",
            "AWS::SNS::TopicPolicy",
            {
                "Topics": [ref(topic)],
                "PolicyDocument": {"Version": "2012-10-17", "Statement": statements},
            },
        )


def _allow_service(principal: str, action: str, resource: Any, source_arn: Any, sid: str) -> dict[str, Any]:
    return {
        "Sid": sid,
        "Effect": "Allow",
        "Principal": {"Service": principal},
        "Action": action,
        "Resource": resource,
        "Condition": {"ArnEquals": {"aws:SourceArn": source_arn}},
    }


def bucket_arn(ctx: CfnContext, bucket: ServiceNode) -> dict[str, Any]:
    """The ARN of a bucket built from its name, not `!GetAtt Bucket.Arn`: the bucket's notification
    configuration depends on the receiver's permission, so the permission cannot depend on the bucket."""
    return _with_name(ctx, bucket, "arn:${AWS::Partition}:s3:::")


def _with_name(ctx: CfnContext, bucket: ServiceNode, prefix: str) -> dict[str, Any]:
    """Gives the bucket a known name and returns `prefix + name`: its `bucket_name`, else
    account-region-label (lower case, as bucket names must be; a plain `!Sub` the Terraform conversion
    reads too). Deploying one design twice in an account and region needs `bucket_name` set."""
    props = ctx.resources[ctx.lid(bucket)].setdefault("Properties", {})
    given = prop(bucket, "bucket_name")
    if given:
        props["BucketName"] = str(given)
        return sub(f"{prefix}{given}")
    label = snake(bucket.label).replace("_", "-")[:30].strip("-") or "bucket"
    name = f"${{AWS::AccountId}}-${{AWS::Region}}-{label}"
    props["BucketName"] = sub(name)
    return sub(f"{prefix}{name}")


def _s3_notification(
    ctx: CfnContext,
    connection: Connection,
    bucket: ServiceNode,
    target: ServiceNode,
) -> None:
    logical, receiver = ctx.lid(bucket), ctx.lid(target)
    queues, topics = ctx.queue_statements, ctx.topic_statements
    entry = ctx.resources[logical]
    config = entry.setdefault("Properties", {}).setdefault("NotificationConfiguration", {})
    source_arn = bucket_arn(ctx, bucket)
    if target.type == "lambda_function":
        permission = ctx.add(
            ctx.names.get(f"{connection.id}:permission", f"{receiver}From{logical}Permission"),
            "AWS::Lambda::Permission",
            {
                "FunctionName": ref(receiver),
                "Action": "lambda:InvokeFunction",
                "Principal": "s3.amazonaws.com",
                "SourceAccount": ref("AWS::AccountId"),
                "SourceArn": source_arn,
            },
        )
        for event in S3_EVENTS:
            config.setdefault("LambdaConfigurations", []).append(
                {"Event": event, "Function": get_att(receiver, "Arn")}
            )
        _depends(entry, permission)
    elif target.type == "sqs_queue":
        if prop(target, "fifo", False):
            raise ExportError(f"{bucket.label} -> {target.label}: a FIFO queue cannot receive S3 events")
        queues.setdefault(receiver, []).append(
            _allow_service(
                "s3.amazonaws.com", "sqs:SendMessage", get_att(receiver, "Arn"), source_arn, f"From{logical}"
            )
        )
        for event in S3_EVENTS:
            config.setdefault("QueueConfigurations", []).append(
                {"Event": event, "Queue": get_att(receiver, "Arn")}
            )
        _depends(entry, f"{receiver}Policy")
    elif target.type == "sns_topic":
        topics.setdefault(receiver, []).append(
            _allow_service("s3.amazonaws.com", "sns:Publish", ref(receiver), source_arn, f"From{logical}")
        )
        for event in S3_EVENTS:
            config.setdefault("TopicConfigurations", []).append({"Event": event, "Topic": ref(receiver)})
        _depends(entry, f"{receiver}Policy")


def _depends(entry: dict[str, Any], name: str) -> None:
    """S3 checks that it may deliver to the receiver when the configuration is saved."""
    current = entry.get("DependsOn")
    names = [] if current is None else [current] if isinstance(current, str) else list(current)
    if name not in names:
        names.append(name)
    entry["DependsOn"] = names[0] if len(names) == 1 else sorted(names)


def _subscription(
    ctx: CfnContext,
    connection: Connection,
    topic: ServiceNode,
    target: ServiceNode,
) -> None:
    logical, receiver = ctx.lid(topic), ctx.lid(target)
    queues = ctx.queue_statements
    if target.type == "lambda_function":
        protocol, endpoint = "lambda", get_att(receiver, "Arn")
        ctx.add(
            ctx.names.get(f"{connection.id}:permission", f"{receiver}From{logical}Permission"),
            "AWS::Lambda::Permission",
            {
                "FunctionName": ref(receiver),
                "Action": "lambda:InvokeFunction",
                "Principal": "sns.amazonaws.com",
                "SourceArn": ref(logical),
            },
        )
    elif target.type == "sqs_queue":
        if prop(target, "fifo", False) != prop(topic, "fifo", False):
            raise ExportError(
                f"{topic.label} -> {target.label}: a FIFO topic delivers to FIFO queues only, "
                "and a FIFO queue subscribes to FIFO topics only"
            )
        protocol, endpoint = "sqs", get_att(receiver, "Arn")
        queues.setdefault(receiver, []).append(
            _allow_service(
                "sns.amazonaws.com",
                "sqs:SendMessage",
                get_att(receiver, "Arn"),
                ref(logical),
                f"From{logical}",
            )
        )
    else:
        return
    ctx.add(
        ctx.names.get(f"{connection.id}:subscription", f"{receiver}SubscriptionTo{logical}"),
        "AWS::SNS::Subscription",
        {"TopicArn": ref(logical), "Protocol": protocol, "Endpoint": endpoint},
    )


def _rule(ctx: CfnContext, rule: ServiceNode) -> None:
    logical = ctx.lid(rule)
    incoming = [
        ctx.architecture.service(c.source_id)
        for c in ctx.graph.connections_of(rule.id)
        if c.target_id == rule.id and c.kind is ConnectionKind.EVENT
    ]
    bus = next((s for s in incoming if s.type == "eventbridge_bus"), None)
    props: dict[str, Any] = {
        "Description": rule.label,
        "State": "ENABLED" if prop(rule, "enabled", True) else "DISABLED",
    }
    if bus is not None:
        props["EventBusName"] = get_att(ctx.lid(bus), "Name")
    props |= _rule_trigger(rule, on_bus=bus is not None)
    if props.get("ScheduleExpression") == HOURLY and not str(prop(rule, "schedule_expression", "")).strip():
        why = "a rule on the default bus with neither an event pattern nor a schedule is set off once an hour"
        written_instead(ctx, rule, "schedule_expression", HOURLY, why)
    targets, role_statements = _rule_targets(ctx, rule, logical)
    if role_statements:
        _delivery_role(ctx, logical, role_statements)
    _refuse_over_target_limit(rule, len(targets))
    if targets:
        props["Targets"] = targets
    ctx.add(logical, "AWS::Events::Rule", props)
    ctx.finishers.append(lambda: _batch_targets(ctx, rule, logical))


def _refuse_over_target_limit(rule: ServiceNode, count: int) -> None:
    if count > MAX_RULE_TARGETS:
        raise ExportError(
            f"{rule.label}: an EventBridge rule sends to at most {MAX_RULE_TARGETS} targets, "
            f"this one has {count}; split it into several rules"
        )


def _batch_targets(ctx: CfnContext, rule: ServiceNode, logical: str) -> None:
    """The rule submits a job to each Batch compute environment it invokes: a target on the environment's job
    queue with its job definition (batch_jobs.py), as a role EventBridge assumes with `batch:SubmitJob` on both
    (EventBridge User Guide, "Amazon EventBridge targets": Batch job queue, checked 2026-12-06). Written once
    every service is, when the environment's queue is there to name."""
    for connection in sorted(ctx.graph.connections_of(rule.id), key=lambda c: c.id):
        environment = ctx.architecture.service(connection.target_id)
        if not (
            connection.source_id == rule.id
            and connection.kind is ConnectionKind.INVOKE
            and environment.type == "batch_compute_environment"
        ):
            continue
        if name_uncallable(ctx, rule, environment):
            continue
        queue = ctx.lid(environment, "Queue")
        definition = job_definition(ctx, environment)
        statement = {"Effect": "Allow", "Action": list(SUBMIT), "Resource": [ref(queue), ref(definition)]}
        role = f"{logical}Role"
        if role in ctx.resources:
            ctx.resources[role]["Properties"]["Policies"][0]["PolicyDocument"]["Statement"].append(statement)
        else:
            _delivery_role(ctx, logical, [statement])
        targets = ctx.resources[logical].setdefault("Properties", {}).setdefault("Targets", [])
        _refuse_over_target_limit(rule, len(targets) + 1)
        receiver = ctx.lid(environment)
        targets.append(
            {
                "Id": receiver,
                "Arn": ref(queue),
                "RoleArn": get_att(role, "Arn"),
                "BatchParameters": {"JobDefinition": ref(definition), "JobName": receiver},
            }
        )


# What sets off a rule the design gives neither a pattern nor a schedule.
HOURLY = "rate(1 hour)"


def _rule_trigger(rule: ServiceNode, on_bus: bool) -> dict[str, Any]:
    """What sets the rule off: the design's event pattern, else its schedule (a rule on the default bus only),
    else every event of the account on its bus, else once an hour."""
    pattern_text, schedule = str(prop(rule, "event_pattern", "")), str(prop(rule, "schedule_expression", ""))
    if pattern_text.strip():
        try:
            return {"EventPattern": json.loads(pattern_text)}
        except json.JSONDecodeError as error:
            raise ExportError(f"{rule.label}: the event pattern is not JSON ({error.msg})") from None
    if schedule.strip() and not on_bus:
        return {"ScheduleExpression": schedule.strip()}
    if on_bus:
        # A rule on a custom bus needs a pattern; this one matches every event the account puts on it.
        return {"EventPattern": {"account": [ref("AWS::AccountId")]}}
    return {"ScheduleExpression": HOURLY}


def _rule_targets(
    ctx: CfnContext, rule: ServiceNode, logical: str
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The targets of the rule's outgoing event connections, and what the rule's role must be allowed to do for
    the targets that take no resource policy."""
    targets: list[dict[str, Any]] = []
    role_statements: list[dict[str, Any]] = []
    for connection in sorted(ctx.graph.connections_of(rule.id), key=lambda c: c.id):
        if connection.source_id != rule.id or connection.kind is not ConnectionKind.EVENT:
            continue
        target = ctx.architecture.service(connection.target_id)
        entry, statement = _rule_target(ctx, connection, target, logical)
        if entry is not None:
            targets.append(entry)
        if statement is not None:
            role_statements.append(statement)
    return targets, role_statements


def _rule_target(
    ctx: CfnContext, connection: Connection, target: ServiceNode, logical: str
) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """One target of the rule with the receiver's permission or policy for it, or the statement the rule's role
    needs to reach it; (None, None) for a service a rule cannot send to."""
    receiver, rule_arn = ctx.lid(target), get_att(logical, "Arn")
    if target.type == "lambda_function":
        ctx.add(
            ctx.names.get(f"{connection.id}:permission", f"{receiver}From{logical}Permission"),
            "AWS::Lambda::Permission",
            {
                "FunctionName": ref(receiver),
                "Action": "lambda:InvokeFunction",
                "Principal": "events.amazonaws.com",
                "SourceArn": rule_arn,
            },
        )
        return {"Id": receiver, "Arn": get_att(receiver, "Arn")}, None
    if target.type == "sqs_queue":
        ctx.queue_statements.setdefault(receiver, []).append(
            _allow_service(
                "events.amazonaws.com",
                "sqs:SendMessage",
                get_att(receiver, "Arn"),
                rule_arn,
                f"From{logical}",
            )
        )
        return {"Id": receiver, "Arn": get_att(receiver, "Arn")}, None
    if target.type == "sns_topic":
        ctx.topic_statements.setdefault(receiver, []).append(
            _allow_service("events.amazonaws.com", "sns:Publish", ref(receiver), rule_arn, f"From{logical}")
        )
        return {"Id": receiver, "Arn": ref(receiver)}, None
    if target.type in RULE_ROLE_ACTIONS:
        action, attribute = RULE_ROLE_ACTIONS[target.type]
        arn = ref(receiver) if attribute == "Ref" else get_att(receiver, attribute)
        entry = {"Id": receiver, "Arn": arn, "RoleArn": get_att(f"{logical}Role", "Arn")}
        return entry, {"Effect": "Allow", "Action": [action], "Resource": [arn]}
    return None, None


def _delivery_role(ctx: CfnContext, logical: str, statements: list[dict[str, Any]]) -> None:
    """The role the rule assumes to deliver to targets without a resource policy of their own."""
    assumable_role(ctx, f"{logical}Role", "events.amazonaws.com", inline={"deliver-events": statements})


# The resource types this module renders; template.py merges every module's table.
RENDERERS: dict[str, Renderer] = {
    "eventbridge_rule": _rule,
}
