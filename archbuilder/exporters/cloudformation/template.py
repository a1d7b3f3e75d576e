"""Builds the CloudFormation template of an architecture: network, services, and what the connections imply
(security group rules, least-privilege IAM, event source mappings, environment variables).

`build_template` is the one place deployment decisions are made; its result is also the deployment plan the
other IaC renderer reads (terraform.py converts the same resources), so both formats describe the same
infrastructure. Its shape is a plain CloudFormation document (long-form intrinsics, deterministic order):

- containment -> `AWS::EC2::VPC`, `Subnet` (AZ as `!Select [i, !GetAZs '']`), internet gateway, public route
  table, per-AZ NAT gateways and private route tables (fallback to any NAT of the VPC), DB/cache subnet groups
  from the subnets a store spans (network.py and the store renderers);
- one `AWS::EC2::SecurityGroup` per VPC-placed service (`<Label>SecurityGroup`), declared `ingress` rules, and
  one `SecurityGroupIngress` per `traffic` connection on the target's port;
- each service's renderer (cloudformation/*.py, each module's table gathered in renderers.RENDERERS) writes its resources under a
  logical id from its label (naming.py), with companions suffixed (`Role`, `SubnetGroup`, `Listener`...);
- connections -> IAM statements on the caller's role (`<Role>Policy`), environment variables, event source
  mappings (here), notifications, subscriptions, rule targets and resource policies (events.py);
- `Parameters` for per-deployment values, `Outputs` for endpoints, plus the imported template sections.
"""

from __future__ import annotations

from typing import Any

from archbuilder import __version__
from archbuilder.catalog import ConnectionKind
from archbuilder.exporters.cloudformation.batch_jobs import submit_jobs
from archbuilder.exporters.cloudformation.call_grants import CALL_GRANTS
from archbuilder.exporters.cloudformation.carried_parameters import read_by_source, written_parameters
from archbuilder.exporters.cloudformation.cluster_grants import grant_msk, iam_controlled
from archbuilder.exporters.cloudformation.compute import prepare_load_balancer
from archbuilder.exporters.cloudformation.context import CfnContext, get_att, ref, sub
from archbuilder.exporters.cloudformation.drawn_connections import record_drawn_connections
from archbuilder.exporters.cloudformation.events import wire_events
from archbuilder.exporters.cloudformation.file_mounts import mount
from archbuilder.exporters.cloudformation.integration import parameter_arn
from archbuilder.exporters.cloudformation.kit import instead_record
from archbuilder.exporters.cloudformation.network import build_network
from archbuilder.exporters.cloudformation.platform import ses_identity_arn
from archbuilder.exporters.cloudformation.production import apply_production_defaults
from archbuilder.exporters.cloudformation.protection import STATEFUL, protect
from archbuilder.exporters.cloudformation.renderers import RENDERERS
from archbuilder.exporters.cloudformation.unwritten_connections import INVOKED_ELSEWHERE, name_unwritten
from archbuilder.exporters.cloudformation.warehouse_grants import grant_warehouse
from archbuilder.exporters.registry import ExportError
from archbuilder.gc_pause import cyclic_gc_paused
from archbuilder.graph import build
from archbuilder.model import Architecture, ServiceNode
from archbuilder.model.text import one_line

# The key of the template's Metadata section under which the design's name and labels are written.
DESIGN_METADATA = "archbuilder"
# Under it, what is left to do by hand: the parts of services AWS offers no declarative resource for.
MANUAL_STEPS = "manual_steps"
# ... the service types a resource's type and settings do not tell: an ECS service on Fargate is written alike for an
# `ecs_service` and a `fargate_task`, so the template names the latter (read back by the import);
TYPES = "types"
TYPES_NAMED = frozenset({"fargate_task"})
# ... and the values written in place of the design's (kit.written_instead), which an import reads back as the design's.
WRITTEN_INSTEAD = "written_instead"
# Services the network builder renders from containment.
# A drawn security group is rendered by the network builder like the groups it derives for services.
NETWORK_TYPES = {"internet_gateway", "nat_gateway", "vpc_endpoint_gateway", "security_group"}
# What a connection lets the source do to the target, by target type: (read actions, write actions, resource attr).
DATA_ACCESS: dict[str, tuple[list[str], list[str], str]] = {
    "dynamodb_table": (
        ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:BatchGetItem"],
        ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"],
        "Arn",
    ),
    "sqs_queue": (
        ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"],
        ["sqs:SendMessage"],
        "Arn",
    ),
    "sns_topic": ([], ["sns:Publish"], "Ref"),
    "kinesis_stream": (
        ["kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:DescribeStream", "kinesis:ListShards"],
        ["kinesis:PutRecord", "kinesis:PutRecords"],
        "Arn",
    ),
    "secrets_manager_secret": (["secretsmanager:GetSecretValue"], ["secretsmanager:PutSecretValue"], "Ref"),
    "firehose_stream": ([], ["firehose:PutRecord", "firehose:PutRecordBatch"], "Arn"),
    "ecr_repository": (
        ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"],
        # A push (the registry's login token is asked of the account: ECR_LOGIN below).
        [
            "ecr:BatchCheckLayerAvailability",
            "ecr:CompleteLayerUpload",
            "ecr:InitiateLayerUpload",
            "ecr:PutImage",
            "ecr:UploadLayerPart",
        ],
        "Arn",
    ),
    "codecommit_repository": (["codecommit:GitPull"], ["codecommit:GitPush"], "Arn"),
    "eventbridge_bus": ([], ["events:PutEvents"], "Arn"),
    "kms_key": (["kms:Decrypt", "kms:DescribeKey"], [], "Arn"),
}
# What an `invoke` connection lets the caller do: (actions, attribute naming the callee).
INVOKE_ACCESS: dict[str, tuple[list[str], str]] = {
    "lambda_function": (["lambda:InvokeFunction"], "Arn"),
    "step_functions": (["states:StartExecution"], "Ref"),
    "sagemaker_endpoint": (["sagemaker:InvokeEndpoint"], "Ref"),
    "kms_key": (["kms:Encrypt", "kms:GenerateDataKey"], "Arn"),
    # A build started outside a pipeline, and followed to its end (a pipeline's stage writes its own).
    "codebuild_project": (["codebuild:BatchGetBuilds", "codebuild:StartBuild"], "Arn"),
}
# Callees whose ARN the template builds from their name (their Ref): (actions, the ARN with `{}` for the name).
INVOKE_BY_NAME: dict[str, tuple[list[str], str]] = {
    "athena_workgroup": (
        [
            "athena:GetQueryExecution",
            "athena:GetQueryResults",
            "athena:StartQueryExecution",
            "athena:StopQueryExecution",
        ],
        "arn:${{AWS::Partition}}:athena:${{AWS::Region}}:${{AWS::AccountId}}:workgroup/${{{}}}",
    ),
    "glue_job": (
        ["glue:BatchStopJobRun", "glue:GetJobRun", "glue:GetJobRuns", "glue:StartJobRun"],
        "arn:${{AWS::Partition}}:glue:${{AWS::Region}}:${{AWS::AccountId}}:job/${{{}}}",
    ),
    "glue_crawler": (
        ["glue:GetCrawler", "glue:StartCrawler"],
        "arn:${{AWS::Partition}}:glue:${{AWS::Region}}:${{AWS::AccountId}}:crawler/${{{}}}",
    ),
    # Adding a step to a running cluster and following it (the step names the job it runs, the caller's choice).
    "emr_cluster": (
        ["elasticmapreduce:AddJobFlowSteps", "elasticmapreduce:DescribeStep"],
        "arn:${{AWS::Partition}}:elasticmapreduce:${{AWS::Region}}:${{AWS::AccountId}}:cluster/${{{}}}",
    ),
}
# Receivers an `event` connection from a compute service publishes to (rules, buckets and topics push
# through resource policies instead, in cfn_events).
EVENT_WRITES = {"sqs_queue", "sns_topic", "eventbridge_bus", "kinesis_stream", "firehose_stream"}
S3_ACCESS = (["s3:GetObject", "s3:ListBucket"], ["s3:PutObject", "s3:DeleteObject"])
# Writing to an OpenSearch domain is an HTTP call on its indexes (the domain's ARN and everything under it).
OPENSEARCH_WRITES = ["es:ESHttpPost", "es:ESHttpPut"]
# Writing to a log group is writing to its streams: CloudFormation's Arn of a group ends in `:*` and covers them,
# Terraform's does not, so the streams are named as well (as the flow logs' role names them).
LOG_WRITES = ["logs:CreateLogStream", "logs:PutLogEvents"]
# Pushing an image starts with a login token, which ECR issues for the account, not for a repository.
ECR_LOGIN = "ecr:GetAuthorizationToken"
READS = {ConnectionKind.READ, ConnectionKind.READ_WRITE, ConnectionKind.POLL}
WRITES = {ConnectionKind.WRITE, ConnectionKind.READ_WRITE}
ENV_ATTRIBUTES = {
    "dynamodb_table": ("TABLE", None),
    "sqs_queue": ("QUEUE_URL", None),
    "sns_topic": ("TOPIC_ARN", None),
    "s3_bucket": ("BUCKET", None),
    "kinesis_stream": ("STREAM", None),
    "secrets_manager_secret": ("SECRET_ARN", None),
    "firehose_stream": ("DELIVERY_STREAM", None),
    "rds_instance": ("DB_HOST", "Endpoint.Address"),
    "aurora_cluster": ("DB_HOST", "Endpoint.Address"),
    "eventbridge_bus": ("EVENT_BUS", "Name"),
    "lambda_function": ("FUNCTION", None),
    "step_functions": ("STATE_MACHINE_ARN", None),
    "ssm_parameter": ("PARAMETER", None),
    "sagemaker_endpoint": ("ENDPOINT", "EndpointName"),
    "codebuild_project": ("PROJECT", None),
    "glue_crawler": ("CRAWLER", None),
    "emr_cluster": ("CLUSTER_ID", None),
    "data_pipeline": ("PIPELINE_ID", None),
    "codedeploy_app": ("APPLICATION", None),
}


def unsupported(architecture: Architecture) -> list[ServiceNode]:
    return sorted(
        (
            s
            for s in architecture.services()
            if s.type not in RENDERERS and s.type not in NETWORK_TYPES and s.type != "generic"
        ),
        key=lambda s: s.id,
    )


def build_template(architecture: Architecture, *, for_terraform: bool = False) -> dict[str, Any]:
    """The deployment the design describes, rendered from the model alone (the plan Terraform also reads;
    `for_terraform` leaves out the resources an import from Terraform keeps in Terraform's own words). The cyclic
    collector is paused while it is built (a large design's template is millions of objects and no garbage
    cycles; the export notes the CLI prints build one outside any export)."""
    with cyclic_gc_paused():
        return render(architecture, for_terraform=for_terraform)[0]


def render(
    architecture: Architecture, *, for_terraform: bool = False
) -> tuple[dict[str, Any], dict[str, tuple[str, str]]]:
    """The rendered template, and for each logical id the (node id, suffix) it was named for."""
    missing = unsupported(architecture)
    if missing:
        listed = ", ".join(f"{s.label} ({architecture.catalog.get(s.type).short_name})" for s in missing)
        raise ExportError(f"the CloudFormation exporter cannot express: {listed}; nothing was written")
    ctx = CfnContext(architecture, build(architecture), for_terraform=for_terraform)
    build_network(ctx)
    for node in ctx.graph.services:
        if node.type in ("alb", "nlb"):
            prepare_load_balancer(ctx, node)
    for node in ctx.graph.services:
        if node.type == "generic":
            if not (
                for_terraform and str(node.properties.get("resource_type", "")).startswith("Terraform::")
            ):
                _generic(ctx, node)
        elif node.type in RENDERERS:
            RENDERERS[node.type](ctx, node)
    _wire_connections(ctx)
    wire_events(ctx)
    for finish in ctx.finishers:
        finish()
    # The finishers close over the context: dropped, so that the context and its template are freed as soon as
    # they are no longer used instead of waiting, as a garbage cycle, for the collector to scan them all.
    ctx.finishers.clear()
    record_drawn_connections(ctx)
    apply_production_defaults(ctx)
    _write_policies(ctx)
    protect(ctx.resources, [logical for kind in STATEFUL for logical in ctx.of_type(kind)])
    template: dict[str, Any] = {
        "AWSTemplateFormatVersion": "2010-09-09",
        "Description": _description(architecture),
        "Metadata": {DESIGN_METADATA: _design_metadata(ctx)},
    }
    _write_sections(ctx, template)
    return template, ctx.made_for


def _write_sections(ctx: CfnContext, template: dict[str, Any]) -> None:
    """The template's Parameters, Rules, Mappings, Conditions, Resources and Outputs, in that order."""
    sections = ctx.architecture.template
    # Where the rendering and the imported sections write an entry of the same name, the imported condition or
    # output is kept, and the rendering's parameter, which holds the design's value (carried_parameters.py).
    naming = {
        "Rules": ctx.rules,
        "Conditions": {**dict(sorted(ctx.conditions.items())), **sections.conditions},
        "Resources": ctx.resources,
        "Outputs": dict(sorted({**ctx.outputs, **sections.outputs}.items())),
    }
    parameters = (
        written_parameters(
            naming,
            ctx.parameters,
            sections.parameters,
            read_in_source=read_by_source(ctx.architecture.imported),
            for_terraform=ctx.for_terraform,
        )
        if sections.parameters
        else dict(sorted(ctx.parameters.items()))
    )
    if parameters:
        template["Parameters"] = parameters
    if naming["Rules"]:
        template["Rules"] = naming["Rules"]
    mappings = {**ctx.mappings, **sections.mappings}
    if mappings:
        template["Mappings"] = mappings
    if naming["Conditions"]:
        template["Conditions"] = naming["Conditions"]
    template["Resources"] = naming["Resources"]
    if naming["Outputs"]:
        template["Outputs"] = naming["Outputs"]


def _design_metadata(ctx: CfnContext) -> dict[str, Any]:
    """The design's name and the labels that a logical id cannot spell (`Audit trail` for AuditTrail), so that
    importing the template gives the design back under its own names."""
    labels, types = {}, {}
    for node in ctx.architecture.nodes.values():
        if node.kind in ("region", "az"):
            continue
        logical = ctx.lid(node)
        # Terraform names resources in snake case, which loses even a label the logical id spells (`ACM`).
        if logical in ctx.resources and (node.label != logical or ctx.for_terraform):
            labels[logical] = node.label
        if logical in ctx.resources and isinstance(node, ServiceNode) and node.type in TYPES_NAMED:
            types[logical] = node.type
    entry: dict[str, Any] = {"design": ctx.architecture.metadata.name}
    if labels:
        entry["labels"] = dict(sorted(labels.items()))
    if types:
        entry[TYPES] = dict(sorted(types.items()))
    # The records in the order of their nodes' labels (each node's in the order made), not in the order the
    # services and connections were drawn: a design read back from Terraform, in another order, records the same.
    if ctx.manual_steps:
        steps = [_manual_step(ctx, node_id, step) for node_id, step in ctx.manual_steps]
        entry[MANUAL_STEPS] = sorted(steps, key=_by_node)
    instead = [_written_instead(ctx, *record) for record in ctx.written_instead]
    instead += [instead_record(ctx, *record) for record in ctx.drawn_instead]
    if instead:
        entry[WRITTEN_INSTEAD] = sorted(instead, key=_by_node)
    return entry


def _by_node(record: dict[str, Any]) -> tuple[str, str]:
    return (str(record["node"]), str(record["service"]))


def _written_instead(ctx: CfnContext, node_id: str, name: str, written: Any, why: str) -> dict[str, Any]:
    node = ctx.architecture.service(node_id)
    design = node.properties.get(name, ctx.architecture.catalog.get(node.type).defaults().get(name))
    return instead_record(ctx, node_id, name, design, written, why)


def _manual_step(ctx: CfnContext, node_id: str, step: str) -> dict[str, str]:
    node = ctx.architecture.service(node_id)
    return {"node": node.label, "service": ctx.architecture.catalog.get(node.type).short_name, "step": step}


def _description(architecture: Architecture) -> str:
    text = architecture.metadata.name
    if architecture.metadata.description:
        text += f": {architecture.metadata.description}"
    # CloudFormation allows 1,024 bytes (not characters); a cut never splits a character.
    return text.encode("utf-8")[:1024].decode("utf-8", "ignore")


def header(architecture: Architecture) -> str:
    return (
        # A comment ends at a line break: the name goes in as one line whatever it holds.
        f"# {one_line(architecture.metadata.name)}\n"
        f"# Generated by archbuilder {__version__} from the design of the same name; edit the design, not this file.\n"
    )


def _generic(ctx: CfnContext, node: ServiceNode) -> None:
    kind = node.properties.get("resource_type")
    if not isinstance(kind, str) or not kind.startswith(("AWS::", "Custom::", "Alexa::")):
        raise ExportError(
            f"{node.label}: an imported resource without a CloudFormation type cannot be exported"
        )
    ctx.add(ctx.lid(node), kind, dict(node.properties.get("raw_properties") or {}))


def _wire_connections(ctx: CfnContext) -> None:
    """IAM permissions, environment variables and event source mappings implied by connections."""
    arch = ctx.architecture
    for connection in sorted(arch.connections.values(), key=lambda c: c.id):
        source, target = arch.service(connection.source_id), arch.service(connection.target_id)
        kind = connection.kind
        if (
            kind is ConnectionKind.POLL
            and target.type == "lambda_function"
            and source.type in ("sqs_queue", "kinesis_stream", "dynamodb_table")
        ):
            _event_source_mapping(ctx, connection.id, source, target)
            continue
        # What the export writes nothing for is named in its warnings (unwritten_connections.py).
        name_unwritten(ctx, source, target, kind)
        if kind is ConnectionKind.POLL and target.id in ctx.roles:
            # A service polling a queue or stream with the SDK (a container worker) is granted the reads.
            _grant(ctx, target, source, {ConnectionKind.READ})
            _environment(ctx, target, source)
        elif kind in READS | WRITES:
            _grant(ctx, source, target, {kind})
            _environment(ctx, source, target)
        elif kind is ConnectionKind.EVENT and target.type in EVENT_WRITES and source.id in ctx.roles:
            _grant(ctx, source, target, {ConnectionKind.WRITE})
            _environment(ctx, source, target)
        elif (
            kind is ConnectionKind.INVOKE
            and target.type == "batch_compute_environment"
            and source.id in ctx.roles
        ):
            submit_jobs(ctx, source, target)
        elif kind is ConnectionKind.INVOKE and target.type in CALL_GRANTS:
            if CALL_GRANTS[target.type](ctx, source, target):
                _environment(ctx, source, target)
        elif kind is ConnectionKind.INVOKE and target.type == "ses_identity":
            _grant(ctx, source, target, {ConnectionKind.WRITE})
        elif (
            kind is ConnectionKind.INVOKE
            and target.type in INVOKE_ACCESS
            and source.id in ctx.roles
            and (source.type, target.type) not in INVOKED_ELSEWHERE
        ):
            actions, attribute = INVOKE_ACCESS[target.type]
            logical = ctx.lid(target)
            ctx.allow(source, actions, ref(logical) if attribute == "Ref" else get_att(logical, attribute))
            _environment(ctx, source, target)
        elif kind is ConnectionKind.INVOKE and target.type in INVOKE_BY_NAME and source.id in ctx.roles:
            actions, arn = INVOKE_BY_NAME[target.type]
            ctx.allow(source, actions, sub(arn.format(ctx.lid(target))))
            _environment(ctx, source, target)


def _event_source_mapping(
    ctx: CfnContext, connection_id: str, source: ServiceNode, target: ServiceNode
) -> None:
    """A function polling a queue or stream: the mapping, and the reads it needs granted first."""
    attribute = "StreamArn" if source.type == "dynamodb_table" else "Arn"
    mapping: dict[str, Any] = {
        "EventSourceArn": get_att(ctx.lid(source), attribute),
        "FunctionName": ref(ctx.lid(target)),
    }
    if source.type != "sqs_queue":
        mapping["StartingPosition"] = "LATEST"
    _grant(ctx, target, source, {ConnectionKind.READ})
    role = ctx.roles.get(target.id)
    # The function's role must hold the read permissions before the mapping starts polling.
    ctx.add(
        ctx.names.get(f"{connection_id}:esm", f"{ctx.lid(target)}From{ctx.lid(source)}"),
        "AWS::Lambda::EventSourceMapping",
        mapping,
        DependsOn=f"{role}Policy" if role else None,
    )


def _grant(
    ctx: CfnContext, principal: ServiceNode, resource: ServiceNode, kinds: set[ConnectionKind]
) -> None:
    reads, writes = bool(kinds & READS), bool(kinds & WRITES)
    logical = ctx.lid(resource)
    if resource.type == "s3_bucket":
        actions = (S3_ACCESS[0] if reads else []) + (S3_ACCESS[1] if writes else [])
        ctx.allow(principal, actions, [get_att(logical, "Arn"), {"Fn::Sub": f"${{{logical}.Arn}}/*"}])
        return
    if resource.type == "ses_identity":
        if writes:
            ctx.allow(principal, ["ses:SendEmail", "ses:SendRawEmail"], ses_identity_arn(ctx, resource))
        return
    if resource.type == "ssm_parameter":
        actions = (["ssm:GetParameter", "ssm:GetParameters"] if reads else []) + (
            ["ssm:PutParameter"] if writes else []
        )
        ctx.allow(principal, actions, parameter_arn(resource))
        return
    if resource.type == "cloudwatch_log_group":
        if writes:
            ctx.allow(principal, LOG_WRITES, [get_att(logical, "Arn"), sub(f"${{{logical}.Arn}}:*")])
        return
    if resource.type == "opensearch_domain":
        if writes:
            ctx.allow(
                principal, OPENSEARCH_WRITES, [get_att(logical, "Arn"), {"Fn::Sub": f"${{{logical}.Arn}}/*"}]
            )
        return
    if resource.type == "efs_file_system":
        mount(ctx, principal, resource, kinds)
        return
    if resource.type == "redshift_cluster":
        grant_warehouse(ctx, principal, resource, next(iter(kinds)))
        return
    if resource.type == "msk_cluster":
        if iam_controlled(resource):
            grant_msk(ctx, principal, resource, reads, writes)
        return
    if resource.type not in DATA_ACCESS:
        return
    read_actions, write_actions, attribute = DATA_ACCESS[resource.type]
    # Reading and writing may share an action (an image push checks its layers as a pull does): once each.
    actions = list(dict.fromkeys((read_actions if reads else []) + (write_actions if writes else [])))
    if actions:
        ctx.allow(principal, actions, ref(logical) if attribute == "Ref" else get_att(logical, attribute))
    if resource.type == "ecr_repository" and writes:
        ctx.allow(principal, [ECR_LOGIN], "*")


def _environment(ctx: CfnContext, source: ServiceNode, target: ServiceNode) -> None:
    variables = ctx.environment.get(source.id)
    if variables is None or target.type not in ENV_ATTRIBUTES:
        return
    suffix, attribute = ENV_ATTRIBUTES[target.type]
    name = f"{ctx.lid(target).upper()}_{suffix}"
    variables[name] = get_att(ctx.lid(target), attribute) if attribute else ref(ctx.lid(target))


def _write_policies(ctx: CfnContext) -> None:
    for role, statements in sorted(ctx.role_statements.items()):
        ctx.add(
            f"{role}Policy",
            "AWS::IAM::Policy",
            {
                "PolicyName": f"{role}-access",
                "Roles": [ref(role)],
                "PolicyDocument": {"Version": "2012-10-17", "Statement": statements},
            },
        )
