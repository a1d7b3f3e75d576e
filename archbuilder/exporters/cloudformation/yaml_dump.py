"""Writes a template as YAML with the short-form intrinsics (!Ref, !GetAtt, !Sub) people write by hand."""

from __future__ import annotations

from typing import Any

import yaml

_Dumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml is 4x faster


class _Tagged:
    def __init__(self, tag: str, value: Any) -> None:
        self.tag, self.value = tag, value


class TemplateDumper(_Dumper):  # type: ignore[misc, valid-type]
    def ignore_aliases(self, data: Any) -> bool:
        """Never write anchors and aliases (&id001 / *id001): a template reads the same everywhere, and
        skipping the identity bookkeeping is a large part of the dump time."""
        return True


def _represent_tagged(dumper: yaml.SafeDumper, data: _Tagged) -> yaml.Node:
    if isinstance(data.value, str):
        # An empty argument (!GetAZs '') is written quoted so a reader sees it was meant; a script (!Base64 of
        # user data) as a literal block, as it reads in a file.
        style = "'" if data.value == "" else "|" if "\n" in data.value else None
        return dumper.represent_scalar(data.tag, data.value, style=style)
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value, flow_style=False)
    return dumper.represent_mapping(data.tag, data.value)


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


TemplateDumper.add_representer(_Tagged, _represent_tagged)
TemplateDumper.add_representer(str, _represent_str)

SHORT_FORMS = {
    "Ref": "!Ref",
    "Fn::Sub": "!Sub",
    "Fn::GetAZs": "!GetAZs",
    "Fn::Select": "!Select",
    "Fn::Join": "!Join",
    "Fn::If": "!If",
    "Fn::Equals": "!Equals",
    "Fn::Not": "!Not",
    "Fn::And": "!And",
    "Fn::Or": "!Or",
    "Fn::FindInMap": "!FindInMap",
    "Fn::Base64": "!Base64",
    "Fn::Split": "!Split",
    "Fn::ImportValue": "!ImportValue",
    "Fn::Cidr": "!Cidr",
    "Condition": "!Condition",
}


def _short(value: Any, *, in_resource_top: bool = False) -> Any:
    if isinstance(value, dict):
        if len(value) == 1:
            ((key, inner),) = value.items()
            if (
                key == "Fn::GetAtt"
                and isinstance(inner, list)
                and len(inner) == 2
                and all(isinstance(i, str) for i in inner)
            ):
                return _Tagged("!GetAtt", f"{inner[0]}.{inner[1]}")
            # "Condition" is also a plain key of resources and rules; only the intrinsic form is shortened.
            if key in SHORT_FORMS and not (key == "Condition" and in_resource_top):
                argument = _short(inner)
                # YAML cannot put a tag directly on a tagged node (!Base64 !Sub ...): the outer one stays long.
                if isinstance(argument, _Tagged):
                    return {key: argument}
                return _Tagged(SHORT_FORMS[key], argument)
        return {
            key: _short(item, in_resource_top=key in ("Resources", "Outputs")) for key, item in value.items()
        }
    if isinstance(value, list):
        return [_short(item) for item in value]
    return value


def dump_yaml(template: dict[str, Any], header: str) -> str:
    body = yaml.dump(
        _short(template),
        Dumper=TemplateDumper,
        sort_keys=False,
        default_flow_style=False,
        allow_unicode=True,
        width=120,
        indent=2,
    )
    return header + body
