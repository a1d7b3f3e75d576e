"""Reading catalog properties from a resource by the paths in resources/import/cloudformation.yaml: walking a
path through the template's values (parameters resolved to their defaults), and turning what is found into the
property's value (value maps, presence, scale, the property's type).

A value that does not fit the catalog's bounds or choices is read as written; the design keeps it and
validation reports it. A value of the wrong kind (a list where a number belongs) or one that only a deployment
would know (a parameter without a default) is not read: the import says so."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

import yaml

from archbuilder.catalog.service_type import PropertySpec, PropertyType
from archbuilder.importers.intrinsics import UNKNOWN, Resolver

MISSING: Any = object()  # the path leads nowhere in the template
_TOKEN = re.compile(r"\[([^\]]*)\]|([^.\[\]]+)")


@cache
def property_paths(source: str = "cloudformation") -> dict[str, dict[str, dict[str, Any]]]:
    """type id -> property -> entry (a bare path is {"path": ...}). Read from Terraform (`source` "terraform"),
    the entries of resources/import/terraform.yaml take the place of CloudFormation's for their properties."""
    paths = _entries("cloudformation")
    if source != "cloudformation":
        for type_id, entries in _entries(source).items():
            paths[type_id] = {**paths.get(type_id, {}), **entries}
    return paths


def _entries(source: str) -> dict[str, dict[str, dict[str, Any]]]:
    text = (files("archbuilder.resources") / "import" / f"{source}.yaml").read_text("utf-8")
    # libyaml's safe loader where it is installed, as the catalog's (0.2 s of pure-Python parsing per import)
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    return {
        type_id: {
            name: entry if isinstance(entry, dict) else {"path": entry} for name, entry in props.items()
        }
        for type_id, props in data.items()
    }


def walk(value: Any, path: str, resolver: Resolver, resolved: bool = True) -> Any:
    """The value at `path` (MISSING when absent, UNKNOWN when an expression hides it); as written, references
    and all, when not `resolved`."""
    return _walk(value, [(m.group(1), m.group(2)) for m in _TOKEN.finditer(path)], resolver, resolved)


def _walk(
    value: Any, tokens: list[tuple[str | None, str | None]], resolver: Resolver, resolved: bool = True
) -> Any:
    for index, (selector, key) in enumerate(tokens):
        value = _resolved_step(value, resolver)
        if value is UNKNOWN:
            return UNKNOWN
        if key is not None:
            value = _member(value, key, resolver.fuzzy_keys)
            if value is MISSING:
                return MISSING
        elif selector == "*":
            return _collect(value, tokens[index + 1 :], resolver)
        else:
            value = _select(value, selector or "", resolver)
            if value is MISSING:
                return MISSING
    if not resolved:
        return value[0] if resolver.fuzzy_keys and isinstance(value, list) and len(value) == 1 else value
    return resolver.value(value)


def _member(value: Any, key: str, fuzzy: bool) -> Any:
    """`value[key]`; read from Terraform (`fuzzy`), a key matches whatever its snake_case spelling
    (`multi_az` for MultiAZ) and a one-item block list stands for its block."""
    if fuzzy and isinstance(value, list) and len(value) == 1 and isinstance(value[0], dict):
        value = value[0]
    if not isinstance(value, dict):
        return MISSING
    if key in value:
        return value[key]
    if fuzzy:
        wanted = _folded(key)
        return next((item for name, item in value.items() if _folded(str(name)) == wanted), MISSING)
    return MISSING


def _folded(name: str) -> str:
    return name.replace("_", "").lower()


def _resolved_step(value: Any, resolver: Resolver) -> Any:
    """A Ref or function in the middle of a path stands for its value (a parameter's default)."""
    if isinstance(value, dict) and len(value) == 1:
        key = next(iter(value))
        if key == "Ref" or key.startswith("Fn::"):
            return resolver.value(value)
    return value


def _collect(value: Any, rest: list[tuple[str | None, str | None]], resolver: Resolver) -> Any:
    if not isinstance(value, list):
        return MISSING
    found: list[Any] = []
    for item in value:
        result = _walk(item, rest, resolver)
        # An item only a deployment knows (a path built from a bucket's name) is not one of the values written.
        if result is not MISSING and result is not UNKNOWN:
            found.append(result)
    return found


def _select(value: Any, selector: str, resolver: Resolver) -> Any:
    if not isinstance(value, list):
        return MISSING
    if selector.isdigit():
        return value[int(selector)] if int(selector) < len(value) else MISSING
    key, _, wanted = selector.partition("=")
    for item in value:
        item = _resolved_step(item, resolver)
        if isinstance(item, dict) and str(resolver.value(item.get(key))) == wanted:
            return item
    return MISSING


@dataclass(frozen=True)
class Reading:
    """What reading one property gave: a value to set, or why nothing is set (note)."""

    value: Any = MISSING
    note: str = ""


def interpret(raw: Any, entry: dict[str, Any], spec: PropertySpec) -> Reading:
    """The property's value from what its path holds (`raw`), following the entry's rules."""
    if raw is MISSING or (entry.get("first") and raw == []):
        return absent(entry, spec)
    if raw is UNKNOWN:
        if "present" in entry:
            return _typed(entry["present"], spec)  # set, to something only a deployment knows
        return Reading(note="set by an expression whose value only a deployment knows")
    if entry.get("first") and isinstance(raw, list):
        raw = raw[0]
    values = entry.get("values")
    if isinstance(values, dict):
        for written, meaning in values.items():
            if str(written).lower() == str(raw).lower():
                return _typed(meaning, spec)
    if "present" in entry:
        return _typed(entry["present"], spec) if raw not in ([], {}) else absent(entry, spec)
    if "join" in entry and isinstance(raw, list):
        raw = str(entry["join"]).join(str(item) for item in raw)
    if "scale" in entry and isinstance(raw, int | float | str) and _number(raw) is not None:
        scaled = _number(raw) / float(entry["scale"])  # type: ignore[operator]
        raw = int(scaled) if scaled.is_integer() else scaled
    if entry.get("lower") and isinstance(raw, str):
        raw = raw.lower()
    return _typed(raw, spec)


def step_reading(steps: list[str], entry: dict[str, Any], spec: PropertySpec) -> Reading:
    """A setting the export recorded in a step it left to do by hand (kit.by_hand): `step` is a pattern, whose
    group is the value, or whose match is the value given by `present`; without a match, `absent`."""
    pattern = re.compile(str(entry["step"]))
    for text in steps:
        found = pattern.search(text)
        if found is not None:
            return interpret(found.group(1) if pattern.groups else found.group(0), entry, spec)
    return absent(entry, spec)


def absent(entry: dict[str, Any], spec: PropertySpec) -> Reading:
    """What the property is when the template does not set it: AWS's default, or nothing to set."""
    return _typed(entry["absent"], spec) if entry.get("absent") is not None else Reading()


def _number(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _typed(value: Any, spec: PropertySpec) -> Reading:
    """`value` as the property's type (text and numbers convert as CloudFormation converts them)."""
    kind = spec.type
    converted = coerce(value, kind)
    if converted is MISSING:
        return Reading(note=f"{_describe(value)} is not {_KIND_WORDS[kind]}")
    return Reading(converted)


def coerce(value: Any, kind: PropertyType) -> Any:
    if kind is PropertyType.BOOLEAN:
        if isinstance(value, bool):
            return value
        text = str(value).lower()
        return {"true": True, "false": False}.get(text, MISSING) if isinstance(value, str) else MISSING
    if kind in (PropertyType.INTEGER, PropertyType.NUMBER):
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            return MISSING
        number = _number(value)
        if number is None:
            return MISSING
        if kind is PropertyType.INTEGER:
            return int(number) if number.is_integer() else MISSING
        return int(number) if number.is_integer() and not isinstance(value, float) else number
    if kind in (PropertyType.STRING, PropertyType.ENUM, PropertyType.CIDR):
        if isinstance(value, list) and len(value) == 1:
            value = value[0]  # a one-item list where one value belongs (a trust policy's service)
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            return MISSING
        return str(value)
    if kind is PropertyType.STRING_LIST:
        if not isinstance(value, list) or any(isinstance(v, dict | list | bool) for v in value):
            return MISSING
        return [str(v) for v in value]
    return value


_KIND_WORDS = {
    PropertyType.STRING: "text",
    PropertyType.ENUM: "text",
    PropertyType.CIDR: "a CIDR block",
    PropertyType.INTEGER: "a whole number",
    PropertyType.NUMBER: "a number",
    PropertyType.BOOLEAN: "true or false",
    PropertyType.STRING_LIST: "a list of text",
    PropertyType.INGRESS_RULES: "a list of rules",
    PropertyType.OBJECT: "an object",
}


def _describe(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
