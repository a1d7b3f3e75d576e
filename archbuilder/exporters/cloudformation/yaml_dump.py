"""Writes a template as YAML with the short-form intrinsics (!Ref, !GetAtt, !Sub) people write by hand.

yaml_emitter.py writes it; PyYAML (libyaml's emitter) writes what that does not cover, with the same layout.
"""

from __future__ import annotations

from typing import Any

import yaml

from archbuilder.exporters.cloudformation.yaml_emitter import Tagged, Unsupported, emit, short_form

_Dumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml is 4x faster


class TemplateDumper(_Dumper):  # type: ignore[misc, valid-type]
    def ignore_aliases(self, data: Any) -> bool:
        """Never write anchors and aliases (&id001 / *id001): a template reads the same everywhere, and
        skipping the identity bookkeeping is a large part of the dump time."""
        return True


def _represent_tagged(dumper: yaml.SafeDumper, data: Tagged) -> yaml.Node:
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


TemplateDumper.add_representer(Tagged, _represent_tagged)
TemplateDumper.add_representer(str, _represent_str)


def short_forms(value: Any, *, in_resource_top: bool = False) -> Any:
    """`value` with each intrinsic function in its short form (a `Tagged` value)."""
    if isinstance(value, dict):
        short = short_form(value, in_resource_top=in_resource_top)
        if short is not None:
            tag, argument = short
            return Tagged(tag, short_forms(argument))
        return {
            key: short_forms(item, in_resource_top=key in ("Resources", "Outputs"))
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [short_forms(item) for item in value]
    return value


def dump_with_pyyaml(template: Any) -> str:
    """The template (in short forms) as PyYAML writes it: the reference the fast writer matches."""
    return yaml.dump(
        template,
        Dumper=TemplateDumper,
        sort_keys=False,
        default_flow_style=False,
        allow_unicode=True,
        width=120,
        indent=2,
    )


def dump_yaml(template: dict[str, Any], header: str) -> str:
    try:
        body = emit(template)  # shortens the intrinsics as it writes
    except Unsupported:
        body = dump_with_pyyaml(short_forms(template))
    return header + body
