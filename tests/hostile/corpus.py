"""The hostile-input corpus: documents, CloudFormation templates, Terraform files and command lines an attacker
or a careless user would try, each with the command that reads it. Every case is written into a fresh folder
by `Case.prepare` and run by tests/hostile/test_hostile_corpus.py.

A case's arguments use `{dir}` for its folder. The inputs are made here rather than committed, so that huge,
special (FIFOs, devices, sparse files) and binary inputs need no space in the repository.
"""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archbuilder.model import dumps
from tests.importers.hostile_templates import HOSTILE
from tests.model.builders import two_az_network

Content = bytes | Callable[[Path], None]  # bytes to write, or a function that makes the file at that path


@dataclass(frozen=True)
class Case:
    name: str
    args: tuple[str, ...]
    files: dict[str, Content] = field(default_factory=dict)
    exits: frozenset[int] = frozenset({0, 2})
    names: str = ""  # what the one-line error must mention (the file, the place)
    stdout_full: bool = False  # run with stdout on /dev/full
    no_display: bool = False  # run with no DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM
    keep: tuple[str, ...] = ()  # files that exist before the run and must be byte-identical after a failure

    def prepare(self, folder: Path) -> list[str]:
        for name, content in self.files.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if callable(content):
                content(path)
            else:
                path.write_bytes(content)
        return [arg.replace("{dir}", str(folder)) for arg in self.args]

    def input_bytes(self, folder: Path) -> int:
        sizes = [p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
        return max(sizes, default=0)


# ---------------------------------------------------------------- documents


def _base() -> dict[str, Any]:
    arch = two_az_network()
    arch.add_service("ec2_instance", "public-a", label="Web", node_id="web")
    arch.add_service("sqs_queue", "region", label="Jobs", node_id="jobs")
    arch.connect("web", "jobs", "write", connection_id="web-to-jobs")
    return json.loads(dumps(arch))


def _node(data: dict[str, Any], node_id: str) -> dict[str, Any]:
    return next(n for n in data["nodes"] if n["id"] == node_id)


def _doc(change: Callable[[dict[str, Any]], object]) -> bytes:
    data = copy.deepcopy(_base())
    change(data)
    return json.dumps(data, indent=2).encode("utf-8")


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """A change that sets `path` (`metadata.name`, `node:web.label`, `connection.kind`) to `value`."""

    def change(data: dict[str, Any]) -> None:
        head, _, key = path.rpartition(".")
        if head.startswith("node:"):
            target = _node(data, head.removeprefix("node:"))
        elif head == "connection":
            target = data["connections"][0]
        elif head == "":
            target = data
        else:
            target = data
            for part in head.split("."):
                target = target[part]
        target[key] = value

    return change


def _huge_number(digits: int) -> str:
    return "9" * digits


BASE = json.dumps(_base(), indent=2)

DOCUMENTS: dict[str, tuple[bytes, str]] = {
    # name -> (file content, what the error must name besides the file; "" when it opens)
    "valid": (BASE.encode(), ""),
    "empty": (b"", "line 1 column 1"),
    "whitespace": (b"   \n\t\n", "line 3 column 1"),
    "not-json": (b"hello", "line 1 column 1"),
    "binary": (bytes(range(256)) * 4, "not UTF-8"),
    "utf16": (BASE.encode("utf-16"), "not UTF-8"),
    "bom": (b"\xef\xbb\xbf" + BASE.encode(), "line 1 column 1"),
    "truncated-quarter": (BASE.encode()[: len(BASE) // 4], "line"),
    "truncated-half": (BASE.encode()[: len(BASE) // 2], "line"),
    "truncated-last-byte": (BASE.encode()[:-2], "line"),
    "trailing-garbage": (BASE.encode() + b"}", "Extra data"),
    "two-documents": (BASE.encode() + BASE.encode(), "Extra data"),
    "array": (b"[1, 2]", "must be a JSON object"),
    "string": (b'"doc"', "must be a JSON object"),
    "null": (b"null", "must be a JSON object"),
    "nan": (BASE.replace('"x": 0.0', '"x": NaN', 1).encode(), "NaN is not allowed"),
    "infinity": (BASE.replace('"x": 0.0', '"x": -Infinity', 1).encode(), "-Infinity is not allowed"),
    "overflowing-float": (BASE.replace('"x": 0.0', '"x": 1e400', 1).encode(), "x"),
    "huge-integer-position": (
        BASE.replace('"x": 0.0', f'"x": {_huge_number(5000)}', 1).encode(),
        "5000 digits",
    ),
    "huge-integer-property": (
        _doc(_set("node:web.properties", {"volume_size_gb": 1234567})).replace(
            b"1234567", _huge_number(4400).encode()
        ),
        "4400 digits",
    ),
    "huge-integer-version": (
        BASE.replace('"schema_version": 1', f'"schema_version": {_huge_number(4500)}', 1).encode(),
        "4500 digits",
    ),
    "deep-nesting": (b'{"schema_version": 1, "metadata": ' + b"[" * 5000 + b"]" * 5000 + b"}", "nested"),
    "deep-properties": (
        _doc(_set("node:web.properties", {"user_data": "x", "ingress": [[[[[[[[[[[[[[]]]]]]]]]]]]]]})),
        "web",
    ),
    "duplicate-key": (b'{"schema_version": 1, "metadata": {}, "metadata": {}}', "duplicate key"),
    "lone-surrogate": (BASE.replace('"Web"', '"Web\\udc80"', 1).encode(), "lone surrogate"),
    "nul-in-label": (_doc(_set("node:web.label", "Web\x00")), "NUL"),
    "newline-in-name": (_doc(_set("metadata.name", "Shop\nTransform: AWS::Include")), "line break"),
    "carriage-return-in-label": (_doc(_set("node:vpc.label", "Main\r")), "carriage return"),
    "nel-in-label": (_doc(_set("node:vpc.label", "Main\x85")), "NEL"),
    "line-separator-in-label": (_doc(_set("node:vpc.label", "Main\u2028x")), "line separator"),
    "escape-in-description": (_doc(_set("metadata.description", "\x1b[2J\x1b[31mowned")), "escape"),
    "bidi-override-in-label": (_doc(_set("node:web.label", "Web\u202etxt.exe")), "bidirectional"),
    "vertical-tab-in-connection": (_doc(_set("connection.label", "a\x0bb")), "control character"),
    "control-in-user-data": (_doc(_set("node:web.properties", {"user_data": "echo \x07"})), "user_data"),
    "control-in-template-output": (
        _doc(_set("template", {"outputs": {"X": {"Value": "a\x00"}}})),
        "outputs",
    ),
    "label-201-chars": (_doc(_set("node:web.label", "W" * 201)), "at most 200"),
    "name-201-chars": (_doc(_set("metadata.name", "S" * 201)), "at most 200"),
    "description-huge": (_doc(_set("metadata.description", "d" * 20_000)), "at most 10000"),
    "version-missing": (_doc(lambda d: d.pop("schema_version")), "schema_version"),
    "version-string": (_doc(_set("schema_version", "1")), "schema_version"),
    "version-bool": (_doc(_set("schema_version", True)), "schema_version"),
    "version-future": (_doc(_set("schema_version", 99)), "newer than"),
    "version-zero": (_doc(_set("schema_version", 0)), "schema_version"),
    "version-negative": (_doc(_set("schema_version", -1)), "schema_version"),
    "metadata-list": (_doc(_set("metadata", [])), "metadata"),
    "nodes-object": (_doc(_set("nodes", {})), "nodes"),
    "node-null": (_doc(lambda d: d["nodes"].append(None)), "nodes"),
    "node-without-id": (_doc(lambda d: _node(d, "web").pop("id")), "id"),
    "node-id-uppercase": (_doc(_set("node:web.id", "WEB")), "id"),
    "node-id-newline": (_doc(_set("node:web.id", "web\n")), "id"),
    "node-id-long": (_doc(_set("node:web.id", "w" * 300)), "id"),
    "node-duplicate-id": (_doc(lambda d: d["nodes"].append(copy.deepcopy(_node(d, "web")))), "appears twice"),
    "node-unknown-kind": (_doc(_set("node:web.kind", "planet")), "kind"),
    "node-unknown-type": (_doc(_set("node:web.type", "quantum_computer")), "quantum_computer"),
    "node-type-injection": (_doc(_set("node:web.type", "ec2_instance\n")), "type"),
    "parent-missing": (_doc(_set("node:web.parent_id", "nowhere")), "nowhere"),
    "parent-cycle": (_doc(_set("node:region.parent_id", "public-a")), "inside itself (parent cycle)"),
    "parent-self": (_doc(_set("node:vpc.parent_id", "vpc")), "vpc"),
    "service-in-service": (_doc(_set("node:jobs.parent_id", "web")), "jobs"),
    "vpc-at-root": (_doc(_set("node:vpc.parent_id", None)), "vpc"),
    "region-invalid": (_doc(_set("node:region.region", "mars-north-1")), "mars-north-1"),
    "region-trailing-newline": (_doc(_set("node:region.region", "us-east-1\n")), "us-east-1"),
    "zone-other-region": (_doc(_set("node:az-a.zone", "eu-west-1a")), "eu-west-1a"),
    "cidr-invalid": (_doc(_set("node:vpc.cidr", "10.0.0.0/33")), "10.0.0.0/33"),
    "cidr-host-bits": (_doc(_set("node:public-a.cidr", "10.0.0.1/24")), "10.0.0.1/24"),
    "cidr-ipv6": (_doc(_set("node:vpc.cidr", "2001:db8::/32")), "2001:db8::/32"),
    "cidr-garbage": (_doc(_set("node:vpc.cidr", "'; DROP TABLE")), "DROP TABLE"),
    "subnet-outside-vpc": (_doc(_set("node:public-a.cidr", "192.168.0.0/24")), "outside VPC"),
    "subnets-overlap": (_doc(_set("node:public-b.cidr", "10.0.0.0/23")), "overlaps"),
    "size-zero": (_doc(_set("node:vpc.width", 0)), "width"),
    "size-negative": (_doc(_set("node:vpc.height", -5)), "height"),
    "position-string": (_doc(_set("node:web.x", "left")), "x"),
    "unknown-field": (_doc(_set("node:web.colour", "red")), "colour"),
    "unknown-property": (_doc(_set("node:web.properties", {"rocket": True})), "rocket"),
    "property-wrong-type": (_doc(_set("node:web.properties", {"volume_size_gb": "big"})), "must be a whole"),
    "property-out-of-range": (_doc(_set("node:web.properties", {"volume_size_gb": -1})), "at least 1 GiB"),
    "ingress-not-a-list": (_doc(_set("node:web.properties", {"ingress": "all"})), "ingress"),
    "extra-subnet-missing": (_doc(_set("node:web.extra_subnet_ids", ["ghost"])), "ghost"),
    "connection-to-missing": (_doc(_set("connection.target_id", "ghost")), "ghost"),
    "connection-to-self": (_doc(_set("connection.target_id", "web")), "itself"),
    "connection-kind-refused": (_doc(_set("connection.kind", "origin")), "origin"),
    "connection-port-huge": (_doc(_set("connection.port", 70000)), "port"),
    "connection-duplicate": (
        _doc(lambda d: d["connections"].append({**d["connections"][0], "id": "again"})),
        "already has",
    ),
    "suppression-empty-reason": (
        _doc(_set("suppressions", [{"rule_id": "SEC-001", "node_ids": ["web"], "reason": "   "}])),
        "reason",
    ),
    "rule-setting-bad-severity": (
        _doc(_set("rule_settings", {"SEC-001": {"severity": "fatal"}})),
        "severity",
    ),
    "template-not-object": (_doc(_set("template", [])), "template"),
}


def _sparse(size: int) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        with path.open("wb") as stream:
            stream.truncate(size)  # no blocks on disk: the size is what a reader is told

    return make


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _symlink(target: str) -> Callable[[Path], None]:
    return lambda path: path.symlink_to(target)


def _folder(path: Path) -> None:
    path.mkdir()


SPECIAL_FILES: dict[str, tuple[Callable[[Path], None], str]] = {
    "fifo": (_fifo, "not a regular file"),
    "dev-zero": (_symlink("/dev/zero"), "not a regular file"),
    "dev-null": (_symlink("/dev/null"), "not a regular file"),
    "dev-urandom": (_symlink("/dev/urandom"), "not a regular file"),
    "folder": (_folder, "is a folder"),
    "dangling-link": (_symlink("/nonexistent/for/sure"), "no such file"),
    "self-link": (lambda path: path.symlink_to(path.name), "no such file"),
    "sparse-30-mb": (_sparse(30 * 1024 * 1024), "over the 20 MB limit"),
}


def document_cases() -> list[Case]:
    cases = []
    for name, (content, names) in sorted(DOCUMENTS.items()):
        files = {f"{name}.arch.json": content}
        path = f"{{dir}}/{name}.arch.json"
        cases.append(Case(f"doc-{name}-show", ("show", path), files, names=names))
        if name in (
            "valid",
            "huge-integer-position",
            "nul-in-label",
            "lone-surrogate",
            "truncated-half",
            "deep-nesting",
        ):
            cases.append(
                Case(f"doc-{name}-validate", ("validate", path, "--fail-on", "never"), files, names=names)
            )
            cases.append(
                Case(
                    f"doc-{name}-export-tf",
                    ("export", path, "-f", "terraform", "-o", "{dir}/tf", "-q"),
                    files,
                    names=names,
                )
            )
    for name, (make, names) in sorted(SPECIAL_FILES.items()):
        files = {f"{name}.arch.json": make}
        cases.append(Case(f"special-{name}-show", ("show", f"{{dir}}/{name}.arch.json"), files, names=names))
        cases.append(
            Case(
                f"special-{name}-import",
                ("import", f"{{dir}}/{name}.arch.json", "-o", "{dir}/out.arch.json"),
                files,
                names=names.replace("is a folder", "no .tf files").replace("20 MB", "5 MB"),
            )
        )
    return cases


# ---------------------------------------------------------------- CloudFormation

TEMPLATE = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n"
VPC = "  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: {cidr}\n"

TEMPLATES: dict[str, tuple[str, str]] = {
    **{name.removesuffix(".yaml"): pair for name, pair in HOSTILE.items()},
    "valid": (TEMPLATE + VPC.format(cidr="10.0.0.0/16"), ""),
    "null-resource": (TEMPLATE + "  Broken: null\n", "Broken"),
    "integer-resource": (TEMPLATE + "  Broken: 42\n", "Broken"),
    "list-resource": (TEMPLATE + "  Broken: [1, 2]\n", "Broken"),
    "resource-without-type": (TEMPLATE + "  Broken:\n    Properties: {}\n", "Broken"),
    "type-not-text": (TEMPLATE + "  Broken:\n    Type: [AWS::S3::Bucket]\n", "Broken"),
    "type-garbage": (TEMPLATE + "  Broken:\n    Type: '\\x00\\x1b'\n", "Broken"),
    "properties-list": (TEMPLATE + "  Broken:\n    Type: AWS::S3::Bucket\n    Properties: [a]\n", "Broken"),
    "resources-list": ("Resources: [a, b]\n", "Resources"),
    "resources-null": ("Resources:\n", "Resources"),
    "huge-integer": (
        TEMPLATE
        + "  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      DelaySeconds: "
        + _huge_number(5000)  # on line 6, column 21
        + "\n",
        "line 6 column 21",
    ),
    "invalid-cidr": (TEMPLATE + VPC.format(cidr="10.0.0.0/99"), "10.0.0.0/99"),
    "ref-cidr": (TEMPLATE + VPC.format(cidr="!Ref Nowhere"), "Vpc"),
    "cidr-number": (TEMPLATE + VPC.format(cidr="12"), "Vpc"),
    "subnet-bad-cidr": (
        TEMPLATE
        + VPC.format(cidr="10.0.0.0/16")
        + "  S:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref Vpc\n      CidrBlock: banana\n",
        "banana",
    ),
    "subnets-overlap": (
        TEMPLATE
        + VPC.format(cidr="10.0.0.0/16")
        + "".join(
            f"  S{i}:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref Vpc\n      CidrBlock: 10.0.0.0/24\n"
            for i in range(2)
        ),
        "overlaps",
    ),
    "getatt-malformed": (
        TEMPLATE + "  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !GetAtt [a, b, c]\n",
        "",
    ),
    "select-out-of-range": (
        TEMPLATE
        + VPC.format(cidr="10.0.0.0/16")
        + "  S:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref Vpc\n      CidrBlock: 10.0.1.0/24\n      AvailabilityZone: !Select [99, !GetAZs '']\n",
        "",
    ),
    "select-not-number": (
        TEMPLATE
        + VPC.format(cidr="10.0.0.0/16")
        + "  S:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref Vpc\n      CidrBlock: 10.0.1.0/24\n      AvailabilityZone: !Select [x, !GetAZs '']\n",
        "",
    ),
    "control-characters-in-tag": (
        TEMPLATE
        + "Q:\n".replace("Q:\n", "")
        + '  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      Tags: [{Key: Name, Value: "a\\x1b[31m\\0"}]\n',
        "cannot import: resource Q: its Name tag has an escape character (U+001B) at character 2",
    ),
    "newline-in-logical-id": (TEMPLATE + '  "Evil\\nTransform": {Type: AWS::SQS::Queue}\n', "Evil"),
    "merge-keys": ("x: &x {a: 1}\nResources:\n  Q:\n    <<: *x\n    Type: AWS::SQS::Queue\n", ""),
    "multiple-documents": (TEMPLATE + VPC.format(cidr="10.0.0.0/16") + "---\nResources: {}\n", "document"),
    "tab-indent": ("Resources:\n\tQ: {Type: AWS::SQS::Queue}\n", "line 2"),
    "json-invalid": ('{"Resources": {', "line 1"),
    "json-list": ('[{"Resources": {}}]', "no Resources section"),
    "json-nan": (
        '{"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {"DelaySeconds": NaN}}}}',
        "",
    ),
    "json-deep": ('{"Resources": ' + "[" * 3000 + "]" * 3000 + "}", "nested"),
    "json-duplicate": ('{"Resources": {}, "Resources": {}}', "duplicate key"),
    "utf16": ("", "not a text template"),
    "parameters-not-object": (TEMPLATE + VPC.format(cidr="10.0.0.0/16") + "Parameters: [1]\n", "Parameters"),
    "outputs-weird": (TEMPLATE + VPC.format(cidr="10.0.0.0/16") + "Outputs: {X: 1}\n", ""),
    "noecho-default": (
        "Parameters:\n  DbPassword: {Type: String, NoEcho: true, Default: hunter2hunter2}\n"
        + TEMPLATE.split("\n", 1)[1]
        + VPC.format(cidr="10.0.0.0/16"),
        "",
    ),
}


def template_cases() -> list[Case]:
    cases = []
    for name, (text, names) in sorted(TEMPLATES.items()):
        suffix = ".json" if name.startswith("json") else ".yaml"
        content = text.encode("utf-16") if name == "utf16" else text.encode("utf-8")
        files = {f"{name}{suffix}": content}
        cases.append(
            Case(
                f"cfn-{name}",
                ("import", f"{{dir}}/{name}{suffix}", "-o", "{dir}/out.arch.json"),
                files,
                names=names,
            )
        )
    return cases


# ---------------------------------------------------------------- Terraform

TF_VPC = 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n'
# 2.7 MB of queues: more HCL than python-hcl2 is given (importers/hcl_reader.py).
TF_QUEUES = b"".join(b'resource "aws_sqs_queue" "q%d" {\n  name = "q%d"\n}\n' % (k, k) for k in range(60_000))

TERRAFORM: dict[str, tuple[str, str]] = {
    "valid": (TF_VPC, ""),
    "empty": ("", ""),
    "not-hcl": ("this is { not hcl", "line 1"),
    "unclosed-block": ('resource "aws_vpc" "main" {\n', "main.tf"),
    "var-cidr": ('variable "cidr" {}\nresource "aws_vpc" "main" {\n  cidr_block = var.cidr\n}\n', ""),
    "invalid-cidr": ('resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/99"\n}\n', "10.0.0.0/99"),
    "cidr-number": ('resource "aws_vpc" "main" {\n  cidr_block = 12\n}\n', ""),
    "subnet-var-cidr": (
        TF_VPC + 'resource "aws_subnet" "a" {\n  vpc_id = aws_vpc.main.id\n  cidr_block = var.subnet\n}\n',
        "",
    ),
    "subnet-function-cidr": (
        TF_VPC
        + 'resource "aws_subnet" "a" {\n  vpc_id = aws_vpc.main.id\n  cidr_block = cidrsubnet(aws_vpc.main.cidr_block, 8, 1)\n}\n',
        "",
    ),
    "huge-integer": ('resource "aws_sqs_queue" "q" {\n  delay_seconds = ' + _huge_number(5000) + "\n}\n", ""),
    "count-and-for-each": (
        'resource "aws_sqs_queue" "q" {\n  count = 3\n  name = "q-${count.index}"\n}\n'
        'resource "aws_sns_topic" "t" {\n  for_each = toset(["a", "b"])\n  name = each.key\n}\n',
        "",
    ),
    "dynamic-block": (
        'resource "aws_security_group" "g" {\n  dynamic "ingress" {\n    for_each = [1]\n    content {\n      from_port = 1\n    }\n  }\n}\n',
        "",
    ),
    "heredoc": (
        'resource "aws_instance" "i" {\n  user_data = <<EOF\n#!/bin/sh\necho "${var.x}"\nEOF\n}\n',
        "",
    ),
    "module-only": ('module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n}\n', ""),
    "unknown-resource": ('resource "aws_quantum" "q" {\n  qubits = 7\n}\n', ""),
    "non-aws": ('resource "google_compute_network" "n" {}\n', ""),
    "control-characters": ('resource "aws_sqs_queue" "q" {\n  name = "a\\u001b[31m"\n}\n', "main.tf"),
    "control-character-in-name-tag": (
        'resource "aws_sqs_queue" "q" {\n  tags = {\n    Name = "a\x1b[31m"\n  }\n}\n',
        "cannot import: resource aws_sqs_queue.q: its Name tag has an escape character (U+001B) at character 2",
    ),
    "binary": ("", "main.tf"),
    "deep-nesting": ("locals {\n  x = " + "[" * 3000 + "]" * 3000 + "\n}\n", "main.tf: nested too deeply"),
    "duplicate-resources": (TF_VPC + TF_VPC, ""),
    "reference-to-nothing": (
        'resource "aws_subnet" "a" {\n  vpc_id = aws_vpc.ghost.id\n  cidr_block = "10.0.1.0/24"\n}\n',
        "",
    ),
}


def terraform_cases() -> list[Case]:
    cases = []
    for name, (text, names) in sorted(TERRAFORM.items()):
        content = bytes(range(256)) * 8 if name == "binary" else text.encode("utf-8")
        files = {f"{name}/main.tf": content}
        cases.append(
            Case(f"tf-{name}", ("import", f"{{dir}}/{name}", "-o", "{dir}/out.arch.json"), files, names=names)
        )
    cases += [
        Case("tf-file", ("import", "{dir}/one.tf", "-o", "{dir}/out.arch.json"), {"one.tf": TF_VPC.encode()}),
        Case(
            "tf-folder-without-tf",
            ("import", "{dir}/none", "-o", "{dir}/out.arch.json"),
            {"none/readme.txt": b"x"},
            names="no .tf files",
        ),
        Case(
            "tf-folder-named-tf",
            ("import", "{dir}/x.tf", "-o", "{dir}/out.arch.json"),
            {"x.tf/main.tf": TF_VPC.encode()},
        ),
        Case(
            "tf-fifo",
            ("import", "{dir}/pipe/main.tf", "-o", "{dir}/out.arch.json"),
            {"pipe/main.tf": _fifo},
            names="not a regular file",
        ),
        Case(
            "tf-dev-zero",
            ("import", "{dir}/z/main.tf", "-o", "{dir}/out.arch.json"),
            {"z/main.tf": _symlink("/dev/zero")},
            names="not a regular file",
        ),
        Case(
            "tf-sparse",
            ("import", "{dir}/big/main.tf", "-o", "{dir}/out.arch.json"),
            {"big/main.tf": _sparse(40 * 1024 * 1024)},
            names="more than the 5 MB of Terraform an import reads",
        ),
        Case(  # two files under the limit each, over it together: refused before either is parsed
            "tf-folder-over-limit",
            ("import", "{dir}/split", "-o", "{dir}/out.arch.json"),
            {"split/a.tf": b"# comment\n" * 275_000, "split/b.tf": b"# comment\n" * 275_000},
            names="split: more than the 5 MB of Terraform an import reads",
        ),
        Case(  # over what python-hcl2 is given, and broken: tree-sitter names the place, python-hcl2 never runs
            "tf-large-broken",
            ("import", "{dir}/large/main.tf", "-o", "{dir}/out.arch.json"),
            {"large/main.tf": TF_QUEUES + b'resource "aws_sqs_queue" "broken" {\n  name = \n}\n'},
            names="main.tf: line 180002, column 3: not HCL here",
        ),
        Case(  # over what python-hcl2 is given, with a comment inside an expression (which only it places)
            "tf-large-comment-in-expression",
            ("import", "{dir}/large/main.tf", "-o", "{dir}/out.arch.json"),
            {"large/main.tf": TF_QUEUES + b'resource "aws_sqs_queue" "last" {\n  tags = { # why\n  }\n}\n'},
            names="main.tf: over the 2 MB of HCL that python-hcl2 is given",
        ),
        Case(
            "tf-folder-in-folder",
            ("import", "{dir}/nest", "-o", "{dir}/out.arch.json"),
            {"nest/inner.tf/main.tf": TF_VPC.encode()},
        ),
    ]
    return cases


# ---------------------------------------------------------------- command lines

VALID = {"shop.arch.json": BASE.encode()}
SHOP = "{dir}/shop.arch.json"
LONG = "n" * 300


def cli_cases() -> list[Case]:
    return [
        Case("cli-no-arguments", ()),
        Case("cli-unknown-command", ("destroy",), names="invalid choice"),
        Case("cli-missing-file", ("show",), names="required"),
        Case("cli-file-missing", ("show", "{dir}/ghost.arch.json"), names="ghost.arch.json"),
        Case("cli-file-name-300", ("show", f"{{dir}}/{LONG}.arch.json"), names="too long"),
        Case(
            "cli-path-through-file",
            ("show", "{dir}/shop.arch.json/x.arch.json"),
            VALID,
            names="no such file",
        ),
        Case("cli-empty-path", ("show", ""), names="error"),
        Case("cli-dash-path", ("show", "-"), names="error"),
        Case("cli-bad-format", ("export", SHOP, "-f", "pdf", "-o", "{dir}/o"), VALID, names="invalid choice"),
        Case(
            "cli-export-into-file",
            ("export", SHOP, "-f", "terraform", "-o", SHOP, "-q"),
            VALID,
            names="not a folder",
            keep=("shop.arch.json",),
        ),
        Case(
            "cli-export-into-dev-null",
            ("export", SHOP, "-f", "cloudformation", "-o", "/dev/null", "-q"),
            VALID,
            names="/dev/null",
        ),
        Case(
            "cli-export-name-300",
            ("export", SHOP, "-f", "cloudformation", "-o", f"{{dir}}/{LONG}", "-q"),
            VALID,
            names="too long",
        ),
        Case("cli-export-drawio", ("export", SHOP, "-f", "drawio", "-o", "{dir}/d", "-q"), VALID),
        Case(
            "cli-export-cfn-json", ("export", SHOP, "-f", "cloudformation-json", "-o", "{dir}/c", "-q"), VALID
        ),
        Case(
            "cli-report-into-file",
            ("report", SHOP, "-o", SHOP, "--format", "html"),
            VALID,
            names="not a folder",
            keep=("shop.arch.json",),
        ),
        Case(
            "cli-report-pdf-into-file",
            ("report", SHOP, "-o", SHOP, "--format", "pdf"),
            VALID,
            names="not a folder",
            keep=("shop.arch.json",),
        ),
        Case("cli-report-md", ("report", SHOP, "-o", "{dir}/r", "--format", "md"), VALID),
        Case(
            "cli-report-pdf-date-control",
            ("report", SHOP, "-o", "{dir}/r", "--format", "pdf", "--date", "2026-12-06\x1b[2J"),
            VALID,
            names="--date: has an escape character (U+001B) at character 11; a name is one line of visible text",
        ),
        Case(
            "cli-report-title-newline",
            ("report", SHOP, "-o", "{dir}/r", "--title", "Review\n# injected"),
            VALID,
            names="--title: has a line break (U+000A) at character 7",
        ),
        Case(
            "cli-report-assumption-bell",
            (
                "report",
                SHOP,
                "-o",
                "{dir}/r",
                "--format",
                "md",
                "--assumption",
                "ok",
                "--assumption",
                "a\x07",
            ),
            VALID,
            names="--assumption: has a control character (U+0007) at character 2",
        ),
        Case(
            "cli-report-pdf-date",
            ("report", SHOP, "-o", "{dir}/r", "--format", "pdf", "--date", "6 December 2026"),
            VALID,
        ),
        Case("cli-new-name-201", ("new", "x" * 201, "-o", "{dir}/n.arch.json"), names="at most 200"),
        Case(
            "cli-new-name-newline",
            ("new", "Shop\nTransform: AWS::Include", "-o", "{dir}/n.arch.json"),
            names="line break",
        ),
        Case("cli-new-name-escape", ("new", "\x1b]0;owned\x07", "-o", "{dir}/n.arch.json"), names="escape"),
        Case(
            "cli-new-unknown-example",
            ("new", "Shop", "--from", "../../etc/passwd", "-o", "{dir}/n.arch.json"),
            names="unknown example",
        ),
        Case(
            "cli-new-over-existing",
            ("new", "Shop", "-o", SHOP),
            VALID,
            names="already exists",
            keep=("shop.arch.json",),
        ),
        Case(
            "cli-new-into-missing-folder", ("new", "Shop", "-o", "{dir}/no/such/n.arch.json"), names="no/such"
        ),
        Case("cli-new-name-300-file", ("new", "Shop", "-o", f"{{dir}}/{LONG}.arch.json"), names="too long"),
        Case(
            "cli-import-over-existing",
            ("import", "{dir}/t.yaml", "-o", SHOP),
            {**VALID, "t.yaml": (TEMPLATE + VPC.format(cidr="10.0.0.0/16")).encode()},
            names="already exists",
            keep=("shop.arch.json",),
        ),
        Case("cli-import-missing", ("import", "{dir}/ghost.yaml"), names="ghost.yaml"),
        Case(
            "cli-validate-bad-fail-on",
            ("validate", SHOP, "--fail-on", "sometimes"),
            VALID,
            names="invalid choice",
        ),
        Case("cli-validate-sarif", ("validate", SHOP, "--format", "sarif", "--fail-on", "never"), VALID),
        Case("cli-stdout-full-rules", ("rules",), stdout_full=True, names="No space left on device"),
        Case(
            "cli-stdout-full-show", ("show", SHOP), VALID, stdout_full=True, names="No space left on device"
        ),
        Case(
            "cli-stdout-full-catalog",
            ("catalog", "--format", "json"),
            stdout_full=True,
            names="No space left on device",
        ),
        Case(
            "cli-gui-screenshot-missing-file",
            ("gui", "{dir}/ghost.arch.json", "--screenshot", "{dir}/s.png"),
            names="ghost.arch.json",
        ),
        Case("cli-gui-no-display", ("gui",), no_display=True, names="no display"),
        Case(
            "cli-gui-screenshot-bad-file",
            ("gui", "{dir}/bad.arch.json", "--screenshot", "{dir}/s.png"),
            {"bad.arch.json": b"{"},
            names="bad.arch.json",
        ),
    ]


def all_cases() -> list[Case]:
    return document_cases() + template_cases() + terraform_cases() + cli_cases()
