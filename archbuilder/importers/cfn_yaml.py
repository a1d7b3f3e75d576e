"""Reads CloudFormation templates safely: the short-form tags and nothing else, with limits on size, depth and aliases."""

from __future__ import annotations

import json
from typing import Any

import yaml

MAX_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 64
MAX_ALIASES = 100


# Short form -> long form. !GetAtt takes "A.B" or [A, B]; the rest keep their argument.
TAGS = {
    "!Ref": "Ref",
    "!Sub": "Fn::Sub",
    "!GetAZs": "Fn::GetAZs",
    "!Select": "Fn::Select",
    "!Join": "Fn::Join",
    "!If": "Fn::If",
    "!Equals": "Fn::Equals",
    "!Not": "Fn::Not",
    "!And": "Fn::And",
    "!Or": "Fn::Or",
    "!FindInMap": "Fn::FindInMap",
    "!Base64": "Fn::Base64",
    "!Split": "Fn::Split",
    "!ImportValue": "Fn::ImportValue",
    "!Cidr": "Fn::Cidr",
    "!Condition": "Condition",
    "!Transform": "Fn::Transform",
    "!GetAtt": "Fn::GetAtt",
}


class TemplateError(ValueError):
    """The template cannot be read; the message names the source and the place."""


class _TemplateLoader(yaml.SafeLoader):
    """A pure-Python safe loader (the C loader cannot count aliases) that knows the CloudFormation tags."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.aliases = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                mark = self.peek_event().start_mark
                raise TemplateError(
                    f"line {mark.line + 1}: more than {MAX_ALIASES} YAML aliases (refused as a possible YAML bomb)"
                )
        return super().compose_node(parent, index)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, int] = {}
        for key_node, _value in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                raise TemplateError(
                    f"line {key_node.start_mark.line + 1}: duplicate key {key!r} (first on line {seen[key]})"
                )
            seen[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep=True)


def _tag_constructor(long_form: str) -> Any:
    def construct(loader: yaml.SafeLoader, node: yaml.Node) -> dict[str, Any]:
        if isinstance(node, yaml.ScalarNode):
            value: Any = loader.construct_scalar(node)
            if long_form == "Fn::GetAtt":
                value = str(value).split(".", 1)
        elif isinstance(node, yaml.SequenceNode):
            value = loader.construct_sequence(node, deep=True)
        else:
            value = loader.construct_mapping(node, deep=True)  # type: ignore[arg-type]
        return {long_form: value}

    return construct


for _tag, _long in TAGS.items():
    _TemplateLoader.add_constructor(_tag, _tag_constructor(_long))


def _unknown_tag(loader: yaml.SafeLoader, tag_suffix: str, node: yaml.Node) -> Any:
    raise TemplateError(f"line {node.start_mark.line + 1}: unknown tag !{tag_suffix}")


_TemplateLoader.add_multi_constructor("!", _unknown_tag)


def _depth(value: Any, level: int = 0) -> int:
    if level > MAX_DEPTH:
        return level
    if isinstance(value, dict):
        return max((_depth(v, level + 1) for v in value.values()), default=level)
    if isinstance(value, list):
        return max((_depth(v, level + 1) for v in value), default=level)
    return level


def _structural_depth(text: str) -> int:
    """Nesting depth of brackets and indentation, measured before parsing so deep input is refused cheaply."""
    depth = deepest = 0
    for char in text:
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth = max(0, depth - 1)
    indents = [len(line) - len(line.lstrip(" ")) for line in text.splitlines() if line.strip()]
    return max(deepest, max(indents, default=0) // 2)


def load_template(raw: bytes, source: str) -> dict[str, Any]:
    if len(raw) > MAX_BYTES:
        raise TemplateError(
            f"{source}: {len(raw) / 1e6:.1f} MB is over the {MAX_BYTES // (1024 * 1024)} MB limit"
        )
    if b"\x00" in raw[:4096]:
        raise TemplateError(f"{source}: not a text template (binary data)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TemplateError(f"{source}: not a text template (invalid UTF-8 at byte {exc.start})") from None
    if _structural_depth(text) > MAX_DEPTH * 2:
        raise TemplateError(f"{source}: nested too deeply (over {MAX_DEPTH} levels)")
    try:
        if text.lstrip().startswith("{"):
            data = json.loads(text, object_pairs_hook=_json_pairs)
        else:
            data = yaml.load(text, Loader=_TemplateLoader)
    except TemplateError as exc:
        raise TemplateError(f"{source}: {exc}") from None
    except json.JSONDecodeError as exc:
        raise TemplateError(f"{source}: line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1} column {mark.column + 1}: " if mark else ""
        raise TemplateError(f"{source}: {where}{getattr(exc, 'problem', None) or exc}") from None
    except RecursionError:
        raise TemplateError(f"{source}: nested too deeply") from None
    if not isinstance(data, dict) or not isinstance(data.get("Resources"), dict):
        raise TemplateError(f"{source}: not a CloudFormation template (no Resources section)")
    if _depth(data) > MAX_DEPTH:
        raise TemplateError(f"{source}: nested too deeply (over {MAX_DEPTH} levels)")
    return data


def _json_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise TemplateError(f"duplicate key {key!r}")
        result[key] = value
    return result
