"""Three-way merge of template values: the template as imported (source), the design's rendering as imported
(base) and the design's rendering now (current). What the design did not change keeps the source's value, so a
template comes back as it was written; what it changed is applied to the source at the place it changed.

A change is applied where it happened: a property path, a tag by key, an IAM statement, an item of a list that is
a set (security group rules, subnets). Anything the design changed where the source has nothing of its own is
taken from the current rendering.
"""

from __future__ import annotations

from typing import Any

from archbuilder.importers.template_values import (
    UNORDERED,
    policy_document,
    same,
    set_key,
    statements,
    tags_as_mapping,
)

MISSING: Any = object()


def patch(source: Any, base: Any, current: Any, key: str = "") -> Any:
    """`source` with the change from `base` to `current` applied (MISSING: absent)."""
    if _same(base, current, key):
        return source
    if source is MISSING and _structures(base, current):
        # The source never had what the rendering changed: only the change is written (a new environment
        # variable, not the rendering's others).
        empty: Any = {} if isinstance(base, dict) else []
        changed = patch(empty, base, current, key)
        return changed if changed not in ({}, []) else MISSING
    if source is MISSING or base is MISSING or current is MISSING:
        return current
    if isinstance(source, str) and not isinstance(current, str):
        return current
    documents = [policy_document(v) for v in (source, base, current)]
    if all(d is not None for d in documents) and isinstance(source, dict):
        return _patch_policy(source, documents[1] or {}, documents[2] or {})
    tags = [tags_as_mapping(v) for v in (source, base, current)]
    if all(t is not None for t in tags):
        merged = patch(tags[0], tags[1], tags[2])
        return [{"Key": k, "Value": v} for k, v in merged.items()]
    if all(isinstance(v, dict) and not _intrinsic(v) for v in (source, base, current)):
        return patch_mapping(source, base, current)
    if key in UNORDERED and all(isinstance(v, list) for v in (source, base, current)):
        return _patch_set(source, base, current)
    if _parallel_blocks(source, base, current):
        # Terraform's nested blocks (a one-item `environment`): changed where they changed, item by item.
        return [patch(s, b, c) for s, b, c in zip(source, base, current, strict=True)]
    return current


def _parallel_blocks(source: Any, base: Any, current: Any) -> bool:
    if not all(isinstance(v, list) for v in (source, base, current)):
        return False
    return len(source) == len(base) == len(current) and all(
        isinstance(i, dict) for i in (*source, *base, *current)
    )


def _structures(base: Any, current: Any) -> bool:
    """Both sides are mappings (not intrinsics), or both lists, so a change between them has parts."""
    if isinstance(base, dict) and isinstance(current, dict):
        return not _intrinsic(base) and not _intrinsic(current)
    return isinstance(base, list) and isinstance(current, list)


def patch_mapping(source: dict[str, Any], base: dict[str, Any], current: dict[str, Any]) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for key in [*source, *(k for k in current if k not in source)]:
        value = patch(source.get(key, MISSING), base.get(key, MISSING), current.get(key, MISSING), key)
        if value is not MISSING:
            merged[key] = value
    return merged


def _same(base: Any, current: Any, key: str) -> bool:
    if base is MISSING or current is MISSING:
        return base is current
    return same(base, current, key)


def _intrinsic(value: dict[str, Any]) -> bool:
    if len(value) != 1:
        return False
    name = next(iter(value))
    return name in ("Ref", "Condition") or name.startswith("Fn::")


def _patch_set(source: list[Any], base: list[Any], current: list[Any]) -> list[Any]:
    base_keys = {set_key(item) for item in base}
    current_keys = {set_key(item) for item in current}
    removed = base_keys - current_keys
    kept = [item for item in source if set_key(item) not in removed]
    present = {set_key(item) for item in kept}
    return kept + [
        item for item in current if set_key(item) not in base_keys and set_key(item) not in present
    ]


def _patch_policy(source: dict[str, Any], base: dict[str, Any], current: dict[str, Any]) -> dict[str, Any]:
    """Statements the design added are appended, statements it dropped are removed; the source's others stay."""
    own = source.get("Statement")
    own_list = own if isinstance(own, list) else [own] if isinstance(own, dict) else []
    base_keys = {set_key(s) for s in statements(base)}
    current_keys = {set_key(s) for s in statements(current)}
    removed = base_keys - current_keys
    kept = [
        s for s, shaped in zip(own_list, statements(source), strict=False) if set_key(shaped) not in removed
    ]
    present = {set_key(s) for s in statements({"Statement": kept})}
    raw_current = current.get("Statement")
    raw_list = raw_current if isinstance(raw_current, list) else [raw_current] if raw_current else []
    added = [
        s
        for s, shaped in zip(raw_list, statements(current), strict=False)
        if set_key(shaped) not in base_keys and set_key(shaped) not in present
    ]
    rest = patch_mapping(
        {k: v for k, v in source.items() if k != "Statement"},
        {k: v for k, v in base.items() if k != "Statement"},
        {k: v for k, v in current.items() if k != "Statement"},
    )
    return {**rest, "Statement": kept + added}


def added_part(base: dict[str, Any], current: dict[str, Any]) -> dict[str, Any] | None:
    """What to write for a resource of the rendering that the source has no counterpart of and that the design
    changed: the current resource, except that a policy keeps only the statements the design added (the source
    grants what the base granted in its own words). None when nothing is left to write."""
    properties = current.get("Properties")
    if not isinstance(properties, dict):
        return current
    base_properties = base.get("Properties") if isinstance(base.get("Properties"), dict) else {}
    trimmed = dict(properties)
    for key, value in properties.items():
        document = policy_document(value)
        old = policy_document(base_properties.get(key)) if base_properties else None
        if document is None or old is None or not isinstance(value, dict):
            continue
        old_keys = {set_key(s) for s in statements(old)}
        raw = value.get("Statement")
        raw_list = raw if isinstance(raw, list) else [raw]
        new = [
            s
            for s, shaped in zip(raw_list, statements(value), strict=False)
            if set_key(shaped) not in old_keys
        ]
        if not new:
            return None
        trimmed[key] = {**value, "Statement": new}
    return {**current, "Properties": trimmed}


def merge_named(source: dict[str, Any], base: dict[str, Any], current: dict[str, Any]) -> dict[str, Any]:
    """Entries by name (resources, parameters, outputs): the source's entries with the design's changes, less
    what the design removed, plus what it added (in the order of the current rendering)."""
    merged: dict[str, Any] = {}
    for name, body in source.items():
        if name in base and name not in current:
            continue
        merged[name] = patch(body, base[name], current[name]) if name in base else body
    for name, body in current.items():
        if name in merged or name in source:
            continue
        if name not in base:
            merged[name] = body
        elif not _same(base[name], body, ""):
            part = added_part(base[name], body) if isinstance(body, dict) else body
            if part is not None:
                merged[name] = part
    return merged
