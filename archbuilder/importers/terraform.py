"""Imports Terraform (HCL, parsed by python-hcl2) by translating aws_* resources into the CloudFormation shape
the CloudFormation importer already understands, so both formats get the same inference."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import hcl2

from archbuilder.catalog import Catalog, default_catalog
from archbuilder.fileio import FileError, read_regular_file
from archbuilder.importers.cfn_yaml import MAX_BYTES, TemplateError
from archbuilder.importers.cloudformation import ImportReport, _Importer
from archbuilder.importers.references import refs
from archbuilder.importers.template_values import policy_document
from archbuilder.importers.terraform_shape import bucket_settings, variable_reference, variables_as_parameters
from archbuilder.model import Architecture
from archbuilder.model.naming import pascal

# Terraform types with no catalog entry of their own but a CloudFormation twin the importer folds or reads.
EXTRA_TYPES = {
    "aws_route_table": "AWS::EC2::RouteTable",
    "aws_route": "AWS::EC2::Route",
    "aws_route_table_association": "AWS::EC2::SubnetRouteTableAssociation",
    "aws_db_subnet_group": "AWS::RDS::DBSubnetGroup",
    "aws_elasticache_subnet_group": "AWS::ElastiCache::SubnetGroup",
    "aws_lb_target_group": "AWS::ElasticLoadBalancingV2::TargetGroup",
    "aws_lb_listener": "AWS::ElasticLoadBalancingV2::Listener",
    "aws_iam_role_policy": "AWS::IAM::Policy",
    "aws_iam_instance_profile": "AWS::IAM::InstanceProfile",
    "aws_launch_template": "AWS::EC2::LaunchTemplate",
    "aws_lambda_permission": "AWS::Lambda::Permission",
    "aws_lambda_event_source_mapping": "AWS::Lambda::EventSourceMapping",
    "aws_s3_bucket_policy": "AWS::S3::BucketPolicy",
    "aws_vpc_security_group_ingress_rule": "AWS::EC2::SecurityGroupIngress",
    "aws_vpc": "AWS::EC2::VPC",
    "aws_subnet": "AWS::EC2::Subnet",
    "aws_internet_gateway": "AWS::EC2::InternetGateway",
    "aws_api_gateway_method": "AWS::ApiGateway::Method",
    "aws_api_gateway_deployment": "AWS::ApiGateway::Deployment",
}
# Terraform argument -> CloudFormation property, for the ones the importer reads.
ARGUMENTS = {
    "tags": "Tags",
    "cidr_block": "CidrBlock",
    "vpc_id": "VpcId",
    "availability_zone": "AvailabilityZone",
    "map_public_ip_on_launch": "MapPublicIpOnLaunch",
    "subnet_id": "SubnetId",
    "subnet_ids": "SubnetIds",
    "subnets": "Subnets",
    "vpc_zone_identifier": "VPCZoneIdentifier",
    "security_groups": "SecurityGroups",
    "vpc_security_group_ids": "SecurityGroupIds",
    "security_group_ids": "SecurityGroupIds",
    "db_subnet_group_name": "DBSubnetGroupName",
    "subnet_group_name": "CacheSubnetGroupName",
    "route_table_id": "RouteTableId",
    "gateway_id": "GatewayId",
    "nat_gateway_id": "NatGatewayId",
    "multi_az": "MultiAZ",
    "backup_retention_period": "BackupRetentionPeriod",
    "storage_encrypted": "StorageEncrypted",
    "engine": "Engine",
    "instance_class": "DBInstanceClass",
    "allocated_storage": "AllocatedStorage",
    "publicly_accessible": "PubliclyAccessible",
    "deletion_protection": "DeletionProtection",
    "instance_type": "InstanceType",
    "timeout": "Timeout",
    "memory_size": "MemorySize",
    "runtime": "Runtime",
    "handler": "Handler",
    "visibility_timeout_seconds": "VisibilityTimeout",
    "fifo_queue": "FifoQueue",
    "min_size": "MinSize",
    "max_size": "MaxSize",
    "desired_capacity": "DesiredCapacity",
    "shard_count": "ShardCount",
    "load_balancer_arn": "LoadBalancerArn",
    "target_group_arn": "TargetGroupArn",
    "target_group_arns": "TargetGroupARNs",
    "event_source_arn": "EventSourceArn",
    "function_name": "FunctionName",
    "role": "Role",
    "security_group_id": "GroupId",
    "referenced_security_group_id": "SourceSecurityGroupId",
    "from_port": "FromPort",
}
_REFERENCE = re.compile(r"\$\{([a-z0-9_]+\.[a-z0-9_]+)(?:\.[a-z0-9_\[\]]+)*\}|^\$\{(data\.[^}]+)\}$")
_AZ_INDEX = re.compile(r"data\.aws_availability_zones\.[a-z0-9_]+\.names\[(\d+)\]")


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items() if k != "__is_block__"}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, str) and len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1]
    return value


def terraform_texts(source: Path) -> dict[str, str]:
    """The text of each .tf file of `source` (a file or a folder), by file name."""
    files = sorted(source.glob("*.tf")) if source.is_dir() else [source]
    if not files:
        raise TemplateError(f"{source}: no .tf files")
    texts = {}
    for file in files:
        try:
            raw = read_regular_file(file, MAX_BYTES)  # a pipe or device is refused, and the read is bounded
        except FileError as exc:
            raise TemplateError(str(exc)) from None
        try:
            texts[file.name] = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise TemplateError(f"{file}: not a text file") from None
    return texts


def read_terraform(source: Path) -> list[tuple[str, dict[str, Any]]]:
    """Each .tf file of `source` (a file or a folder) parsed to plain values: (file name, data)."""
    folder = source if source.is_dir() else source.parent
    return [
        (name, parse_terraform_text(text, str(folder / name)))
        for name, text in terraform_texts(source).items()
    ]


def parse_terraform_text(text: str, source: str) -> dict[str, Any]:
    """One file's HCL as plain values (literal strings unquoted, expressions as `${...}`)."""
    try:
        return dict(_plain(hcl2.loads(text)))
    except Exception as exc:  # python-hcl2 raises lark errors carrying line and column
        raise TemplateError(f"{source}: {str(exc).splitlines()[0][:300]}") from None


def to_template(source: Path) -> tuple[dict[str, Any], dict[str, str]]:
    """The Terraform resources as a CloudFormation-shaped template; also address -> logical id."""
    catalog = default_catalog()
    files = read_terraform(source)
    blocks: list[tuple[str, str, dict[str, Any]]] = []
    for _name, data in files:
        for entry in data.get("resource", []):
            for tf_type, named in entry.items():
                for name, body in named.items():
                    blocks.append((tf_type, name, body if isinstance(body, dict) else {}))
    logical = _logical_ids(blocks)
    convert = _converter(logical)
    resources: dict[str, dict[str, Any]] = {}
    for tf_type, name, body in blocks:
        resources[logical[f"{tf_type}.{name}"]] = {
            "Type": cloudformation_type(tf_type, catalog) or f"Terraform::{tf_type}",
            "Properties": _shaped(tf_type, body, convert),
        }
    # Settings Terraform splits off a bucket become the bucket's own properties again.
    for tf_type, _name, body in blocks:
        settings = bucket_settings(tf_type, {k: convert(v) for k, v in body.items()})
        bucket = refs(convert(body.get("bucket")))
        if settings and bucket and bucket[0] in resources:
            resources[bucket[0]].setdefault("Properties", {}).update(settings)
    return {"Parameters": variables_as_parameters(files), "Resources": resources}, logical


def _logical_ids(blocks: list[tuple[str, str, dict[str, Any]]]) -> dict[str, str]:
    logical: dict[str, str] = {}
    taken: set[str] = set()
    for tf_type, name, _body in blocks:
        candidate = pascal(name)
        if candidate in taken:
            candidate = pascal(f"{tf_type.removeprefix('aws_')} {name}")
        taken.add(candidate)
        logical[f"{tf_type}.{name}"] = candidate
    return logical


def _converter(logical: dict[str, str]) -> Callable[[Any], Any]:
    def convert(value: Any) -> Any:
        if isinstance(value, str):
            az = _AZ_INDEX.search(value)
            if az:
                return {"Fn::Select": [int(az.group(1)), {"Fn::GetAZs": ""}]}
            match = _REFERENCE.search(value)
            if match and match.group(1) in logical:
                return {"Ref": logical[match.group(1)]}
            variable = variable_reference(value)
            return variable if variable is not None else value
        if isinstance(value, list):
            return [convert(v) for v in value]
        if isinstance(value, dict):
            return {k: convert(v) for k, v in value.items()}
        return value

    return convert


def _shaped(tf_type: str, body: dict[str, Any], convert: Callable[[Any], Any]) -> dict[str, Any]:
    """One resource's arguments under the CloudFormation names the importer reads."""
    properties: dict[str, Any] = {}
    for key, value in body.items():
        properties[ARGUMENTS.get(key, key)] = convert(value)
    if tf_type == "aws_lb":
        properties["Type"] = "network" if body.get("load_balancer_type") == "network" else "application"
        properties["Scheme"] = "internal" if body.get("internal") is True else "internet-facing"
    if tf_type == "aws_lb_listener":
        properties["Port"] = body.get("port")
        properties["Protocol"] = body.get("protocol")
        properties["DefaultActions"] = [
            _listener_action(a, convert) for a in body.get("default_action") or [] if isinstance(a, dict)
        ]
    if tf_type == "aws_route":
        properties["DestinationCidrBlock"] = body.get("destination_cidr_block")
    if tf_type == "aws_internet_gateway" and "vpc_id" in body:
        properties["VpcId"] = convert(body["vpc_id"])
    if tf_type == "aws_dynamodb_table":
        properties.update(_table_replication(body))
    if tf_type == "aws_iam_role_policy":
        # The policy's statements, so that what it grants reads as connections (and not guessed wider).
        document = policy_document(body.get("policy"))
        properties["PolicyDocument"] = convert(document) if document is not None else None
        properties["Roles"] = [convert(body.get("role"))]
    return properties


def cloudformation_type(tf_type: str, catalog: Catalog) -> str | None:
    """The CloudFormation type a Terraform type is: the one the Terraform export writes it for (an
    aws_db_parameter_group is a DB parameter group, not an instance), else a catalog service's own type."""
    from archbuilder.exporters.terraform.convert import TYPES

    written = {tf: cfn for cfn, (tf, _ref, _attributes) in reversed(list(TYPES.items()))}
    if tf_type in EXTRA_TYPES:
        return EXTRA_TYPES[tf_type]
    if tf_type in written:
        return written[tf_type]
    service = catalog.by_terraform_type(tf_type)
    if service is not None and service.cfn_types and service.terraform_types[0] == tf_type:
        return service.cfn_types[0]
    return None


def _table_replication(body: dict[str, Any]) -> dict[str, Any]:
    """A table's replica blocks and stream in the shape of a global table's Replicas and StreamSpecification."""
    shaped: dict[str, Any] = {}
    replicas = [r for r in body.get("replica") or [] if isinstance(r, dict)]
    if replicas:
        shaped["Replicas"] = [{"Region": r.get("region_name")} for r in replicas]
    if isinstance(body.get("stream_view_type"), str):
        shaped["StreamSpecification"] = {"StreamViewType": body["stream_view_type"]}
    return shaped


def _listener_action(action: dict[str, Any], convert: Callable[[Any], Any]) -> dict[str, Any]:
    """A listener's default_action block in the shape of CloudFormation's DefaultActions entry."""
    shaped: dict[str, Any] = {"Type": action.get("type", "forward")}
    if action.get("target_group_arn") is not None:
        shaped["TargetGroupArn"] = convert(action["target_group_arn"])
    redirect = action.get("redirect")
    redirect = redirect[0] if isinstance(redirect, list) and redirect else redirect
    if isinstance(redirect, dict):
        shaped["RedirectConfig"] = {"Protocol": redirect.get("protocol"), "Port": redirect.get("port")}
    return shaped


def _design_name(source: Path) -> str:
    """The design's name as the export wrote it atop main.tf (`# Name` then `# Generated by archbuilder`), else
    the file's or folder's name."""
    fallback = source.stem if source.is_file() else source.name
    texts = terraform_texts(source)
    main = texts.get("main.tf") or next(iter(texts.values()), "")
    lines = main.splitlines()[:2]
    if len(lines) == 2 and lines[1].startswith("# Generated by archbuilder") and lines[0].startswith("# "):
        return lines[0][2:].strip()[:200] or fallback
    return fallback


def import_terraform(source: Path) -> tuple[Architecture, ImportReport]:
    template, addresses = to_template(source)
    importer = _Importer(template, _design_name(source))
    importer.source_format = None  # the source kept is the Terraform itself, not its CloudFormation shape
    architecture = importer.run()
    shaped = importer._imported_source("cloudformation")
    address_of = {logical: address for address, logical in addresses.items()}
    architecture.set_imported_source(
        shaped.model_copy(
            update={
                "format": "terraform",
                "template": {"files": terraform_texts(source)},
                "order": [address_of[name] for name in shaped.order if name in address_of],
                "owners": {address_of[n]: node for n, node in shaped.owners.items() if n in address_of},
                "names": {node: address_of[n] for node, n in shaped.names.items() if n in address_of},
            }
        )
    )
    return architecture, importer.report
