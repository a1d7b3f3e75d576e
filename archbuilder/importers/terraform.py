"""Imports Terraform (HCL, parsed by python-hcl2) by translating aws_* resources into the CloudFormation shape
the CloudFormation importer already understands, so both formats get the same inference."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

from archbuilder.catalog import Catalog, default_catalog
from archbuilder.fileio import FileError, read_regular_file
from archbuilder.gc_pause import cyclic_gc_paused
from archbuilder.importers.cfn_yaml import MAX_BYTES, TemplateError
from archbuilder.importers.cloudformation import ImportReport, _Importer
from archbuilder.importers.hcl_reader import Calls, loads
from archbuilder.importers.ownership import OWNER_KEYS
from archbuilder.importers.references import refs, rename_refs
from archbuilder.importers.template_values import policy_document
from archbuilder.importers.terraform_arguments import shaped
from archbuilder.importers.terraform_comments import design_description, recorded_types, written_instead
from archbuilder.importers.terraform_names import LABELS_HEADING
from archbuilder.importers.terraform_shape import (
    PSEUDO,
    merge_settings,
    owner_settings,
    variable_reference,
    variables_as_parameters,
)
from archbuilder.model import Architecture
from archbuilder.model.naming import pascal

# Terraform types with no catalog entry of their own but a CloudFormation twin the importer folds or reads.
EXTRA_TYPES = {
    # The provider has a type per FSx file system kind, CloudFormation one (terraform_arguments.FILE_SYSTEM_KINDS).
    "aws_fsx_lustre_file_system": "AWS::FSx::FileSystem",
    "aws_fsx_ontap_file_system": "AWS::FSx::FileSystem",
    "aws_fsx_openzfs_file_system": "AWS::FSx::FileSystem",
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
    "aws_ecs_capacity_provider": "AWS::ECS::CapacityProvider",
    "aws_lambda_permission": "AWS::Lambda::Permission",
    "aws_lambda_event_source_mapping": "AWS::Lambda::EventSourceMapping",
    "aws_s3_bucket_policy": "AWS::S3::BucketPolicy",
    "aws_vpc_security_group_ingress_rule": "AWS::EC2::SecurityGroupIngress",
    "aws_vpc": "AWS::EC2::VPC",
    "aws_subnet": "AWS::EC2::Subnet",
    "aws_internet_gateway": "AWS::EC2::InternetGateway",
    "aws_api_gateway_method": "AWS::ApiGateway::Method",
    "aws_api_gateway_authorizer": "AWS::ApiGateway::Authorizer",
    "aws_api_gateway_deployment": "AWS::ApiGateway::Deployment",
    "aws_api_gateway_stage": "AWS::ApiGateway::Stage",
    "aws_rds_cluster_instance": "AWS::RDS::DBInstance",
}
_REFERENCE = re.compile(r"\$\{([a-z0-9_]+\.[a-z0-9_]+)(?:\.[a-z0-9_\[\]]+)*\}|^\$\{(data\.[^}]+)\}$")
_LABEL = re.compile(r"^#   (?P<address>aws_[a-z0-9_]+\.[A-Za-z0-9_-]+): (?P<label>.+)$")
_STEP = re.compile(r"^#   - (?P<node>.+?) \((?P<service>[^()]+)\): (?P<step>.+)$")
_INTERPOLATION = re.compile(r"\$\{([^{}]*)\}")
_RESOURCE_EXPRESSION = re.compile(r"([a-z0-9_]+\.[a-z0-9_]+)(?:\.[a-z0-9_\[\]]+)*")
_AZ_INDEX = re.compile(r"data\.aws_availability_zones\.[a-z0-9_]+\.names\[(\d+)\]")
_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[nrt\"\\])|\$\$\{|%%\{")
_ESCAPED = {"n": "\n", "r": "\r", "t": "\t", '"': '"', "\\": "\\"}
# Functions whose argument the import reads: the document or text they encode.
_ENCODED = re.compile(r"^\$\{(jsonencode|base64encode|join)\((.*)\)\}$", re.DOTALL)


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items() if k != "__is_block__"}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, str) and len(value) >= 2 and value[0] == value[-1] == '"':
        return _unescaped(value[1:-1])
    return value


def _unescaped(text: str) -> str:
    """A quoted string's text: HCL's escapes (`\\n`, `\\"`, `\\u0024`, `$${`) read as what they stand for."""

    def replace(match: re.Match[str]) -> str:
        escape = match.group(1)
        if escape is None:
            return match.group(0)[1:]
        return _ESCAPED.get(escape) or chr(int(escape[1:], 16))

    return _ESCAPE.sub(replace, text) if "\\" in text or "$${" in text or "%%{" in text else text


def _decoded(value: str, calls: Calls) -> Any:
    """`jsonencode(x)` as x, `base64encode("text")` as a Base64 of the text, `join(",", [...])` as a Join;
    None for other values. The arguments are those the HCL reader read with the call (`calls`), else what
    reading the call's text again gives."""
    call = _ENCODED.match(value)
    if call is None:
        return None
    read = calls.get(value)
    try:
        arguments = (
            _plain(read[1])
            if read is not None
            else parse_terraform_text(f"arguments = [{call.group(2)}]\n", "expression").get("arguments")
        )
    except TemplateError:
        return None
    if not isinstance(arguments, list) or len(arguments) != (2 if call.group(1) == "join" else 1):
        return None
    if call.group(1) == "join":
        return {"Fn::Join": arguments}
    return arguments[0] if call.group(1) == "jsonencode" else {"Fn::Base64": arguments[0]}


# The most Terraform an import reads, all files together: as much as a CloudFormation template
# (cfn_yaml.MAX_BYTES), whose resources go through the same inference. The 1.1 MB of the 3,000-subnet design
# reads in 0.75 s of CPU, the 5.0 MB of 2,500 services in 2.1 s and 130 MB (bench/bench_terraform_import.py,
# 2026-12-06). The design an import makes keeps the files' text, so no more than a design's 20 MB could ever
# import, but that much would take minutes and GBs before its design was refused. python-hcl2 is given at most
# hcl_reader.PYTHON_HCL2_BYTES of it.
MAX_TERRAFORM_BYTES = MAX_BYTES
_OVER_LIMIT = (
    f"more than the {MAX_TERRAFORM_BYTES // (1024 * 1024)} MB of Terraform an import reads "
    "(as much as a CloudFormation template)"
)


def terraform_texts(source: Path) -> dict[str, str]:
    """The text of each .tf file of `source` (a file or a folder), by file name; at most MAX_TERRAFORM_BYTES
    in all."""
    files = sorted(source.glob("*.tf")) if source.is_dir() else [source]
    if not files:
        raise TemplateError(f"{source}: no .tf files")
    texts = {}
    total = 0
    for file in files:
        try:
            # A pipe or device is refused, and the read is bounded by what the files before left of the limit.
            raw = read_regular_file(file, MAX_TERRAFORM_BYTES - total)
        except FileError as exc:
            if not str(exc).endswith(" limit"):
                raise TemplateError(str(exc)) from None
            raise TemplateError(f"{source if source.is_dir() else file}: {_OVER_LIMIT}") from None
        total += len(raw)
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


def parse_terraform_text(text: str, source: str, calls: Calls | None = None) -> dict[str, Any]:
    """One file's HCL as plain values (literal strings unquoted, expressions as `${...}`); `calls` gains the
    function calls read with their arguments (hcl_reader.loads)."""
    try:
        return dict(_plain(loads(text, calls)))
    except RecursionError:  # python-hcl2 and the plain-value walk recurse once per level of brackets
        raise TemplateError(f"{source}: nested too deeply (brackets or blocks inside one another)") from None
    except Exception as exc:  # python-hcl2 raises lark errors carrying line and column
        raise TemplateError(f"{source}: {str(exc).splitlines()[0][:300]}") from None


def to_template(source: Path, texts: dict[str, str] | None = None) -> tuple[dict[str, Any], dict[str, str]]:
    """The Terraform resources as a CloudFormation-shaped template; also address -> logical id. `texts` are the
    files' texts when already read (terraform_texts)."""
    catalog = default_catalog()
    texts = terraform_texts(source) if texts is None else texts
    folder = source if source.is_dir() else source.parent
    calls: Calls = {}
    files = [(name, parse_terraform_text(text, str(folder / name), calls)) for name, text in texts.items()]
    blocks: list[tuple[str, str, dict[str, Any]]] = []
    for _name, data in files:
        for entry in data.get("resource", []):
            for tf_type, named in entry.items():
                for name, body in named.items():
                    blocks.append((tf_type, name, body if isinstance(body, dict) else {}))
    logical = _logical_ids(blocks)
    convert = _Converter(logical, calls)
    resources: dict[str, dict[str, Any]] = {}
    for tf_type, name, body in blocks:
        kind = cloudformation_type(tf_type, catalog) or f"Terraform::{tf_type}"
        resources[logical[f"{tf_type}.{name}"]] = {
            "Type": kind,
            "Properties": _owner_named(kind, shaped(tf_type, body, convert)),
        }
    # Settings Terraform splits off a resource (a bucket's versioning, a role's policy attachments, a stage's
    # method settings) become the owner's own properties again.
    for tf_type, _name, body in blocks:
        found = owner_settings(tf_type, body, convert)
        owner = refs(convert(body.get(found[0]))) if found else []
        if found and owner and owner[0] in resources:
            merge_settings(resources[owner[0]].setdefault("Properties", {}), found[1])
    template = {
        "Parameters": variables_as_parameters(files),
        "Resources": _validated_as_certificates(resources),
    }
    design: dict[str, Any] = {"labels": _labels(blocks, logical, resources) | recorded_labels(texts, logical)}
    steps = manual_steps(texts)
    if steps:
        design["manual_steps"] = steps
    main = texts.get("main.tf") or ""
    instead = written_instead(main) if "\n#   - " in main else []
    if instead:
        design["written_instead"] = instead
    types = recorded_types(main, logical)
    if types:
        design["types"] = types
    template["Metadata"] = {"archbuilder": design}
    return template, logical


def _labels(
    blocks: list[tuple[str, str, dict[str, Any]]],
    logical: dict[str, str],
    resources: dict[str, dict[str, Any]],
) -> dict[str, str]:
    """A label for each resource without a Name tag, from its name as words (`audit_trail` is "Audit trail", as
    the export spelled the label into the name), instead of a logical id without spaces."""
    labels = {}
    for tf_type, name, _body in blocks:
        tags = resources[logical[f"{tf_type}.{name}"]]["Properties"].get("Tags")
        if not (isinstance(tags, dict) and isinstance(tags.get("Name"), str)):
            labels[logical[f"{tf_type}.{name}"]] = name.replace("_", " ").capitalize()
    return labels


def _validated_as_certificates(resources: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """What names a certificate through its validation (`aws_acm_certificate_validation.x.certificate_arn`, so
    as to wait for it) names the certificate."""
    validations = {
        name: refs(body["Properties"].get("certificate_arn"))[0]
        for name, body in resources.items()
        if body["Type"] == "Terraform::aws_acm_certificate_validation"
        and refs(body["Properties"].get("certificate_arn"))
    }
    return {
        name: body
        if name in validations
        else {**body, "Properties": rename_refs(body["Properties"], validations)}
        for name, body in resources.items()
    }


def manual_steps(texts: dict[str, str]) -> list[dict[str, str]]:
    """The steps the export left to do by hand, from the comment atop main.tf (`#   - Node (Service): step`), in
    the shape the CloudFormation export records them in its Metadata."""
    main = texts.get("main.tf") or ""
    if "\n#   - " not in main:
        return []  # no step line (and no need to load the CloudFormation exporter for its heading)
    from archbuilder.exporters.cloudformation.manual import HEADING

    lines = main.splitlines()
    steps = []
    for line in lines[lines.index(HEADING) + 1 :] if HEADING in lines else []:
        found = _STEP.match(line)
        if found is None:
            break
        steps.append({"node": found["node"], "service": found["service"], "step": found["step"]})
    return steps


def recorded_labels(texts: dict[str, str], logical: dict[str, str]) -> dict[str, str]:
    """The labels the export recorded atop main.tf for the resources whose names do not spell them
    (`#   aws_api_gateway_rest_api.orders_api: Orders API`), by logical id."""
    lines = (texts.get("main.tf") or "").splitlines()
    labels = {}
    for line in lines[lines.index(LABELS_HEADING) + 1 :] if LABELS_HEADING in lines else []:
        found = _LABEL.match(line)
        if found is None:
            break
        if found["address"] in logical and 0 < len(found["label"]) <= 200:
            labels[logical[found["address"]]] = found["label"]
    return labels


def _owner_named(kind: str, properties: dict[str, Any]) -> dict[str, Any]:
    """A helper's argument naming its owner (`file_system_id`) under the CloudFormation name ownership reads."""
    key = OWNER_KEYS.get(kind)
    if key is None or key in properties:
        return properties
    wanted = key.lower()
    found = next((k for k in properties if k.replace("_", "").lower() == wanted), None)
    return {**properties, key: properties[found]} if found is not None else properties


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


class _Converter:
    """Terraform values into CloudFormation's shape, knowing the template's logical ids and the function calls
    the HCL reader read (whose arguments need no parsing again)."""

    def __init__(self, logical: dict[str, str], calls: Calls) -> None:
        self.logical, self.calls = logical, calls

    def __call__(self, value: Any) -> Any:
        logical = self.logical
        if isinstance(value, str):
            az = _AZ_INDEX.search(value)
            if az:
                return {"Fn::Select": [int(az.group(1)), {"Fn::GetAZs": ""}]}
            if "${" not in value:
                return value  # no reference, call or variable in it (each is in a `${...}`)
            decoded = _decoded(value, self.calls)
            if decoded is not None:
                return self(decoded)
            match = _REFERENCE.search(value)
            if match and match.group(1) in logical and match.group(0) == value:
                return {"Ref": logical[match.group(1)]}
            interpolated = _interpolated(value, logical)
            if interpolated is not None:
                return interpolated
            if match and match.group(1) in logical:
                return {"Ref": logical[match.group(1)]}
            variable = variable_reference(value)
            return variable if variable is not None else value
        if isinstance(value, list):
            return [self(v) for v in value]
        if isinstance(value, dict):
            return {k: self(v) for k, v in value.items()}
        return value

    def policy(self, value: Any) -> dict[str, Any] | None:
        return policy_document(value, self._encoded)

    def _encoded(self, text: str) -> Any:
        """What `${jsonencode(x)}` encodes, when the reader read that call; else None."""
        read = self.calls.get(text)
        return (
            _plain(read[1][0]) if read is not None and read[0] == "jsonencode" and len(read[1]) == 1 else None
        )


def _interpolated(value: str, logical: dict[str, str]) -> dict[str, str] | None:
    """Text around references to resources, variables and the region/account data sources as a Sub naming
    them (`arn:...:${aws_apigatewayv2_api.api.id}/*` names the API); None when another expression is in it."""
    unknown = False

    def named(found: re.Match[str]) -> str:
        nonlocal unknown
        expression = found.group(1).strip()
        resource = _RESOURCE_EXPRESSION.fullmatch(expression)
        if resource and resource.group(1) in logical:
            return "${" + logical[resource.group(1)] + "}"
        if expression.startswith("var.") and expression[4:].isidentifier():
            return "${" + expression[4:] + "}"
        if expression in PSEUDO:
            return "${" + PSEUDO[expression] + "}"
        unknown = True
        return found.group(0)

    text = _INTERPOLATION.sub(named, value)
    if unknown or text == value:
        return None
    whole = re.fullmatch(r"\$\{([A-Za-z0-9_:]+)\}", text)
    return {"Ref": whole.group(1)} if whole else {"Fn::Sub": text}  # a variable alone is a Ref to it


def cloudformation_type(tf_type: str, catalog: Catalog) -> str | None:
    """The CloudFormation type a Terraform type is: the one the Terraform export writes it for (an
    aws_db_parameter_group is a DB parameter group, not an instance), else a catalog service's own type."""
    if tf_type in EXTRA_TYPES:
        return EXTRA_TYPES[tf_type]
    written = _exported_types()
    if tf_type in written:
        return written[tf_type]
    service = catalog.by_terraform_type(tf_type)
    if service is not None and service.cfn_types and service.terraform_types[0] == tf_type:
        return service.cfn_types[0]
    return None


@functools.cache
def _exported_types() -> dict[str, str]:
    """Terraform type -> the CloudFormation type the Terraform export writes it for (the first, when several)."""
    from archbuilder.exporters.terraform.convert import TYPES

    return {tf: cfn for cfn, (tf, _ref, _attributes) in reversed(list(TYPES.items()))}


def _design_name(source: Path, texts: dict[str, str]) -> str:
    """The design's name as the export wrote it atop main.tf (`# Name` then `# Generated by archbuilder`), else
    the file's or folder's name."""
    fallback = source.stem if source.is_file() else source.name
    lines = _main_text(texts).splitlines()[:2]
    if len(lines) == 2 and lines[1].startswith("# Generated by archbuilder") and lines[0].startswith("# "):
        return lines[0][2:].strip()[:200] or fallback
    return fallback


def _main_text(texts: dict[str, str]) -> str:
    """The text the export writes its opening comment in: main.tf, else the one file imported."""
    return texts.get("main.tf") or next(iter(texts.values()), "")


def import_terraform(source: Path) -> tuple[Architecture, ImportReport]:
    # The import makes millions of objects and no garbage cycles: automatic collections on the way rescanned them
    # all and freed nothing (0.75 s of 4.1 for the 5 MB of 2,500 services).
    with cyclic_gc_paused():
        return _import_terraform(source)


def _import_terraform(source: Path) -> tuple[Architecture, ImportReport]:
    texts = terraform_texts(source)  # read once: a file changed meanwhile cannot make parts disagree
    template, addresses = to_template(source, texts)
    importer = _Importer(template, _design_name(source, texts))
    importer.resolver.fuzzy_keys = True
    importer.property_source = "terraform"
    address_of = {logical: address for address, logical in addresses.items()}
    importer.source_names = address_of
    importer.source_format = None  # the source kept is the Terraform itself, not its CloudFormation shape
    architecture = importer.run()
    architecture.metadata.description = design_description(_main_text(texts))
    shaped = importer._imported_source("cloudformation", kept={"files": texts})
    architecture.set_imported_source(
        shaped.model_copy(
            update={
                "format": "terraform",
                "order": [address_of[name] for name in shaped.order if name in address_of],
                "owners": {address_of[n]: node for n, node in shaped.owners.items() if n in address_of},
                "names": {node: address_of[n] for node, n in shaped.names.items() if n in address_of},
            }
        )
    )
    return architecture, importer.report
