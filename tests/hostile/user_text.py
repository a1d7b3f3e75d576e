"""A design with one piece of user text in a chosen place, every export of it, and readers that take each
export apart the way its consumer would (YAML with the CloudFormation tags, JSON, HCL, XML, DOT through
graphviz, HTML, Markdown) into its structure and its data."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import hcl2
import yaml

from archbuilder.exporters.diagram.build import render
from archbuilder.exporters.registry import export
from archbuilder.exporters.report.gather import gather
from archbuilder.exporters.report.html import render_html
from archbuilder.exporters.report.markdown import render_markdown
from archbuilder.model import (
    Architecture,
    AvailabilityZoneNode,
    RegionNode,
    SubnetNode,
    Suppression,
    TemplateSections,
    VpcNode,
)

# Every place user text can be typed or imported, and whether the place takes a name or free text.
PLACES = {
    "design name": "name",
    "description": "text",
    "region label": "name",
    "vpc label": "name",
    "subnet label": "name",
    "service label": "name",
    "connection label": "name",
    "user data": "text",
    "key name": "text",
    "suppression reason": "text",
    "parameter": "text",
    "output": "text",
}


def design(place: str, text: str) -> Architecture:
    """A small deployable design with `text` (after a fixed prefix) at `place` and plain text elsewhere."""

    def at(name: str, plain: str) -> str:
        if name != place:
            return plain
        # The description stands on lines of its own in the report: it gets the text with nothing before it.
        return text if name == "description" else f"{plain} {text}"

    arch = Architecture()
    arch.set_metadata("name", at("design name", "Shop"))
    arch.set_metadata("description", at("description", "The shop"))
    arch.add_node(RegionNode(id="region", label=at("region label", "East"), region="us-east-1", width=900))
    arch.add_node(VpcNode(id="vpc", label=at("vpc label", "Main"), parent_id="region", cidr="10.0.0.0/16"))
    for index, letter in enumerate("ab"):
        arch.add_node(
            AvailabilityZoneNode(
                id=f"az-{letter}", label=f"AZ {letter}", parent_id="vpc", zone=f"us-east-1{letter}"
            )
        )
        arch.add_node(
            SubnetNode(
                id=f"public-{letter}",
                label=at("subnet label", f"Public {letter}") if letter == "a" else f"Public {letter}",
                parent_id=f"az-{letter}",
                cidr=f"10.0.{index}.0/24",
                tier="public",
            )
        )
    web = arch.add_service(
        "ec2_instance",
        "public-a",
        label=at("service label", "Web"),
        node_id="web",
        properties={"user_data": at("user data", "#!/bin/sh\necho hello"), "key_name": at("key name", "ops")},
    )
    queue = arch.add_service("sqs_queue", "region", label="Jobs", node_id="jobs")
    arch.connect(web.id, queue.id, "write", label=at("connection label", "send"), connection_id="web-to-jobs")
    arch.add_suppression(
        Suppression(rule_id="REL-014", node_ids=("web",), reason=at("suppression reason", "Accepted for now"))
    )
    arch.set_template_sections(
        TemplateSections(
            parameters={
                "Owner": {"Type": "String", "Default": at("parameter", "ops"), "Description": "Who runs it"}
            },
            outputs={"Contact": {"Description": "Who to call", "Value": at("output", "ops")}},
        )
    )
    return arch


@dataclass
class Reading:
    """An export taken apart: its structure (what the text must not change) and its data strings."""

    structure: Any
    data: list[str]


def squash(text: str) -> str:
    """Text without whitespace: wrapping and Markdown's collapsing move only whitespace."""
    return "".join(text.split())


def kept_as_data(text: str, values: list[str]) -> bool:
    """Whether `text` is among the data, whole or, where a diagram elides a label too long for its box ("…"),
    as far as the label shows it."""
    wanted = squash(text)
    for value in map(squash, values):
        if wanted in value:
            return True
        for shown in value.split("…")[:-1]:
            if any(shown.endswith(wanted[:length]) for length in range(len(wanted), 0, -1)):
                return True
    return False


# ---------------------------------------------------------------- YAML and JSON


class CfnLoader(yaml.SafeLoader):
    """yaml.safe_load plus the CloudFormation short-form tags, each read as {tag: argument}."""


def _tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> dict[str, Any]:
    if isinstance(node, yaml.ScalarNode):
        return {f"!{suffix}": loader.construct_scalar(node)}
    if isinstance(node, yaml.SequenceNode):
        return {f"!{suffix}": loader.construct_sequence(node, deep=True)}
    return {f"!{suffix}": loader.construct_mapping(node, deep=True)}  # type: ignore[arg-type]


CfnLoader.add_multi_constructor("!", _tagged)


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for key, item in value.items() for s in [*_strings(key), *_strings(item)]]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def _intrinsics(value: Any) -> Counter[str]:
    """How many of each intrinsic function (Ref, Fn::*, !Tag) the data holds: text must add none."""
    found: Counter[str] = Counter()
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "Ref" or key.startswith(("Fn::", "!")):
                found[key] += 1
            found += _intrinsics(item)
    elif isinstance(value, list):
        for item in value:
            found += _intrinsics(item)
    return found


def _template_reading(template: dict[str, Any]) -> Reading:
    resources = template["Resources"]
    structure = {
        "sections": list(template),
        "types": sorted(body["Type"] for body in resources.values()),
        "intrinsics": _intrinsics(template),
    }
    return Reading(structure, _strings(template))


def read_yaml(text: str) -> Reading:
    return _template_reading(yaml.load(text, Loader=CfnLoader))


def read_json(text: str) -> Reading:
    return _template_reading(json.loads(text))


# ---------------------------------------------------------------- HCL

_HCL_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)|\$\$\{|%%\{", re.DOTALL)
_SIMPLE = {"n": "\n", "r": "\r", "t": "\t", '"': '"', "\\": "\\"}


def hcl_unescape(token: str) -> str:
    """A quoted HCL string as python-hcl2 returns it ("..." with escapes) -> the text it stands for."""
    body = token[1:-1] if len(token) >= 2 and token[0] == token[-1] == '"' else token

    def one(match: re.Match[str]) -> str:
        whole = match.group(0)
        if whole in ("$${", "%%{"):
            return whole[1:]
        escape = match.group(1)
        if escape[0] in "uU":
            return chr(int(escape[1:], 16))
        return _SIMPLE.get(escape, whole)

    return _HCL_ESCAPE.sub(one, body)


def _interpolations(token: str) -> int:
    """Template sequences ${...} and %{...} Terraform would evaluate (doubled $$ and %% are literal)."""
    return len(re.findall(r"(?<![$%])[$%]\{", token.replace("$${", "").replace("%%{", "")))


def _blocks(parsed: dict[str, Any]) -> list[str]:
    kinds = []
    for kind, entries in parsed.items():
        if isinstance(entries, list) and entries and all(isinstance(e, dict) for e in entries):
            for entry in entries:
                labels = [key for key in entry if key != "__is_block__"]
                kinds.append(f"{kind} {labels[0] if labels and kind in ('resource', 'data') else ''}".strip())
    return sorted(kinds)


def read_terraform(files: dict[str, str]) -> Reading:
    structure: dict[str, Any] = {}
    data: list[str] = []
    for name, text in sorted(files.items()):
        parsed = hcl2.loads(text)
        comments = [c["value"] for c in parsed.pop("__comments__", [])]
        tokens = _strings(parsed)
        structure[name] = {
            "blocks": _blocks(parsed),
            "comments": len(comments),
            "interpolations": sum(_interpolations(t) for t in tokens if t.startswith('"')),
        }
        data += [hcl_unescape(t) for t in tokens] + [_comment_text(c) for c in comments]
    return Reading(structure, data)


def _comment_text(comment: str) -> str:
    """A comment's text as the import reads it: the design's description is a JSON string (escaped to one line)."""
    if comment.startswith("Description: "):
        decoded = json.loads(comment.removeprefix("Description: "))
        assert isinstance(decoded, str), comment
        return decoded
    return comment


# ---------------------------------------------------------------- XML, SVG, HTML, Markdown


def read_xml(payload: bytes | str) -> Reading:
    root = ET.fromstring(payload)
    tags = [element.tag for element in root.iter()]
    data = [value for element in root.iter() for value in [*element.attrib.values(), element.text or ""]]
    return Reading(tags, data)


def read_svg(payload: bytes) -> Reading:
    root = ET.fromstring(payload)
    classes = Counter(g.get("class") for g in root.iter("{http://www.w3.org/2000/svg}g"))
    texts = ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]
    # Graphviz writes one <text> per line of a wrapped label: the label is the lines together.
    return Reading(dict(classes), ["".join(texts), *texts])


class _HtmlReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.data: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.data += [value for name, value in attrs if value is not None and name != "src"]

    def handle_data(self, data: str) -> None:
        self.data.append(data)


def read_html(text: str) -> Reading:
    reader = _HtmlReader()
    reader.feed(text)
    reader.close()
    return Reading(reader.tags, ["".join(reader.data), *reader.data])


_MD_ESCAPED = re.compile(r"\\([\\`*_\[\]{}<>|#!&~()+\-.=])")


_BLOCK_MARKER = re.compile(r"^ {0,3}([-+*] |\d+[.)]( |$)|[-=_*]{3,}\s*$|>|=+\s*$)")


def read_markdown(text: str) -> Reading:
    lines = text.splitlines()
    structure = {
        "headings": [line.split(" ", 1)[0] for line in lines if line.startswith("#")],
        "table rows": sum(line.startswith("|") for line in lines),
        # Lines a Markdown reader takes as list items, rules or setext underlines.
        "block markers": sum(bool(_BLOCK_MARKER.match(line)) for line in lines),
        "unescaped markup": len(re.findall(r"(?<!\\)[<>\[\]`*_]", text)),
    }
    return Reading(structure, [_MD_ESCAPED.sub(r"\1", line) for line in lines])


# ---------------------------------------------------------------- every export


def exports(arch: Architecture, folder: Path) -> dict[str, Reading]:
    """Each format's export of `arch`, read back."""
    readings: dict[str, Reading] = {}
    export("cloudformation", arch, folder / "cfn")
    readings["yaml"] = read_yaml((folder / "cfn" / "template.yaml").read_text(encoding="utf-8"))
    export("cloudformation-json", arch, folder / "cfn")
    readings["json"] = read_json((folder / "cfn" / "template.json").read_text(encoding="utf-8"))
    export("terraform", arch, folder / "tf")
    readings["hcl"] = read_terraform(
        {p.name: p.read_text(encoding="utf-8") for p in (folder / "tf").glob("*.tf")}
    )
    export("drawio", arch, folder / "drawio")
    readings["drawio"] = read_xml((folder / "drawio" / "diagram.drawio").read_bytes())
    readings["dot"] = read_svg(render(arch, "svg"))
    review = gather(arch, with_diagram=False)
    readings["html"] = read_html(render_html(review, arch))
    readings["markdown"] = read_markdown(render_markdown(review, arch))
    return readings
