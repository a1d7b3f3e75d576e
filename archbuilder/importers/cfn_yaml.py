"""Reads CloudFormation templates safely: the short-form tags and nothing else, with limits on size, depth and aliases."""

from __future__ import annotations

import json
import re
from typing import Any

import yaml

from archbuilder.model.text import long_number_place

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

# The Rain tool's directives (`!Rain::Embed handler.py`), which it expands when it packages the template: kept
# as written ({"Rain::Embed": "handler.py"}, a value only a deployment knows) and written back with their tag.
RAIN_PREFIX = "!Rain::"


class TemplateError(ValueError):
    """The template cannot be read; the message names the source and the place."""


# libyaml composes a 5 MB template in about a second where the pure-Python parser takes over ten.
_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _TemplateLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """A safe loader that knows the CloudFormation tags; the text is checked (_check_events) before loading."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        return super().construct_mapping(node, deep=True)


class _Collection:
    """A mapping or sequence being read: for a mapping, the keys seen so far and whether a key comes next; its
    anchor, and its size once aliases are written out (see _Expansion)."""

    def __init__(self, is_mapping: bool, anchor: str | None) -> None:
        self.is_mapping = is_mapping
        self.keys: dict[str, int] = {}
        self.expect_key = is_mapping
        self.anchor = anchor
        self.size = _NODE_BYTES

    def node_done(self) -> None:
        if self.is_mapping:
            self.expect_key = not self.expect_key


def _check_events(text: str) -> None:
    """Refuses, before anything is built, what must not be: too many aliases (a YAML bomb is short text that
    expands exponentially), nesting deeper than MAX_DEPTH, unknown tags and duplicate keys.

    Reads libyaml's event stream, which is several times faster than composing nodes (that resolves every
    scalar in Python), so a refusal costs well under a second even at the size limit."""
    aliases = 0
    stack: list[_Collection] = []
    expansion = _Expansion()
    for event in yaml.parse(text, Loader=_BaseLoader):
        line = event.start_mark.line + 1 if event.start_mark else 0
        tag = getattr(event, "tag", None)
        if tag and tag.startswith("!") and tag not in TAGS and not tag.startswith(RAIN_PREFIX):
            raise TemplateError(f"line {line}: unknown tag {tag}")
        parent = stack[-1] if stack else None
        if isinstance(event, yaml.AliasEvent):
            aliases += 1
            if aliases > MAX_ALIASES:
                raise TemplateError(
                    f"line {line}: more than {MAX_ALIASES} YAML aliases (refused as a possible YAML bomb)"
                )
            if event.anchor not in expansion.anchors:
                # Undefined, or the anchor of a collection still open: a structure that contains itself.
                raise TemplateError(f"line {line}: alias {event.anchor!r} names no complete value before it")
            expansion.add(stack, expansion.anchors[event.anchor], line)
        elif isinstance(event, yaml.ScalarEvent):
            expansion.add(stack, len(event.value) + _NODE_BYTES, line, event.anchor)
            if parent is not None and parent.is_mapping and parent.expect_key:
                if event.value in parent.keys:
                    raise TemplateError(
                        f"line {line}: duplicate key {event.value!r} (first on line {parent.keys[event.value]})"
                    )
                parent.keys[event.value] = line
        elif isinstance(event, yaml.CollectionStartEvent):
            stack.append(_Collection(isinstance(event, yaml.MappingStartEvent), event.anchor))
            expansion.total += _NODE_BYTES
            if len(stack) > MAX_DEPTH:
                raise TemplateError(f"line {line}: nested too deeply (over {MAX_DEPTH} levels)")
            continue
        elif isinstance(event, yaml.CollectionEndEvent):
            done = stack.pop()
            expansion.add(stack, done.size, line, done.anchor, counted=True)
            parent = stack[-1] if stack else None
        else:
            continue  # stream and document boundaries
        if parent is not None:
            parent.node_done()


_NODE_BYTES = 2  # what a value costs beyond its text (a separator, a bracket), as in JSON


class _Expansion:
    """The template's size with every alias written out in full, counted as the events stream by: a YAML bomb
    is short text whose aliases expand exponentially, so the bound is on this size and not only on the count of
    aliases. Aliases may make the template no bigger than MAX_BYTES, the most a template without them can be."""

    def __init__(self) -> None:
        self.anchors: dict[str, int] = {}  # anchor -> expanded size of its node
        self.total = 0

    def add(
        self,
        stack: list[_Collection],
        size: int,
        line: int,
        anchor: str | None = None,
        *,
        counted: bool = False,
    ) -> None:
        """A value of `size` bytes completed inside the innermost open collection (`counted`: a collection whose
        contents were already added to the total as they came)."""
        if anchor is not None:
            self.anchors[anchor] = size
        if stack:
            stack[-1].size += size
        if not counted:
            self.total += size
            if self.total > MAX_BYTES:
                raise TemplateError(
                    f"line {line}: YAML aliases expand the template past the {MAX_BYTES // (1024 * 1024)} MB "
                    "limit (refused as a possible YAML bomb)"
                )


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


def _rain_directive(loader: yaml.SafeLoader, tag_suffix: str, node: yaml.Node) -> Any:
    return _tag_constructor(RAIN_PREFIX[1:] + tag_suffix)(loader, node)


# Registered before "!", which the loader would otherwise try first.
_TemplateLoader.add_multi_constructor(RAIN_PREFIX, _rain_directive)
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
            _check_events(text)
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
    except ValueError:  # a whole number of more than 4,300 digits, which Python refuses to convert
        raise TemplateError(f"{source}: {long_number_place(text)}") from None
    if not isinstance(data, dict) or not isinstance(data.get("Resources"), dict):
        raise TemplateError(f"{source}: not a CloudFormation template (no Resources section)")
    if _depth(data) > MAX_DEPTH:
        raise TemplateError(f"{source}: nested too deeply (over {MAX_DEPTH} levels)")
    error = _shape_error(data)
    if error:
        raise TemplateError(f"{source}: {error}")
    return data


_LOGICAL_ID = re.compile(r"[A-Za-z0-9]+")


def _shape_error(template: dict[str, Any]) -> str | None:
    """What CloudFormation itself would refuse in the template's outline, before anything reads it: sections
    that are not mappings, resources without a type, logical ids that are not alphanumeric."""
    for section in ("Parameters", "Mappings", "Conditions", "Outputs", "Metadata"):
        if section in template and not isinstance(template[section], dict | None):
            return f"{section} must be a mapping, not {_kind(template[section])}"
    for section in ("Resources", "Parameters", "Outputs"):
        for logical, body in (template.get(section) or {}).items():
            where = f"{section} › {logical!r}"
            if not isinstance(logical, str) or not _LOGICAL_ID.fullmatch(logical):
                return f"{where}: a logical id has letters and digits only"
            if not isinstance(body, dict):
                return f"{where}: must be a mapping, not {_kind(body)}"
            if section == "Resources":
                if not isinstance(body.get("Type"), str):
                    return f"{where}: needs a Type that is text"
                if not isinstance(body.get("Properties", {}), dict):
                    return f"{where} › Properties: must be a mapping, not {_kind(body['Properties'])}"
    return None


def _kind(value: Any) -> str:
    return "nothing" if value is None else type(value).__name__


def _json_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise TemplateError(f"duplicate key {key!r}")
        result[key] = value
    return result
