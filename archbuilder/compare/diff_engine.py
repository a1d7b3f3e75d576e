"""The semantic difference of two templates, resource by resource: resources added, removed, changed or
replaced; each changed property with its path and whether changing it replaces the resource; IAM policy
documents statement by statement; and the template's other sections (Parameters, Outputs, variables...)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from archbuilder.compare.diff_replacement import Replacement, replacement
from archbuilder.compare.diff_sources import IacDocument, Resource
from archbuilder.importers.template_values import (
    UNORDERED,
    policy_document,
    same,
    set_key,
    statements,
    tags_as_mapping,
)

Status = Literal["added", "removed", "changed"]
_MISSING: Any = object()


@dataclass(frozen=True)
class Change:
    """One property (or resource attribute) that differs; `path` is dotted from the resource's properties."""

    path: str
    status: Status
    before: Any = None
    after: Any = None
    replacement: Replacement = ""
    attribute: bool = False  # a resource attribute (DependsOn, DeletionPolicy...) rather than a property


@dataclass(frozen=True)
class StatementChange:
    """The statements of one IAM policy document that only one side has."""

    path: str
    added: list[dict[str, Any]]
    removed: list[dict[str, Any]]


@dataclass
class ResourceDiff:
    name: str
    type: str
    status: Literal["added", "removed", "changed", "replaced"]  # replaced: the resource type changed
    before_type: str = ""
    changes: list[Change] = field(default_factory=list)
    statements: list[StatementChange] = field(default_factory=list)

    @property
    def replacement(self) -> Replacement:
        if self.status == "replaced":
            return "replaces"
        kinds = {c.replacement for c in self.changes}
        return "replaces" if "replaces" in kinds else "may replace" if "may replace" in kinds else ""


@dataclass(frozen=True)
class SectionDiff:
    section: str
    name: str
    status: Status
    before: Any = None
    after: Any = None


@dataclass
class DocumentDiff:
    a: str
    b: str
    format: str
    resources: list[ResourceDiff]
    sections: list[SectionDiff]

    @property
    def empty(self) -> bool:
        return not self.resources and not self.sections


def diff_documents(a: IacDocument, b: IacDocument) -> DocumentDiff:
    resources: list[ResourceDiff] = []
    for name in [*a.resources, *(n for n in b.resources if n not in a.resources)]:
        before, after = a.resources.get(name), b.resources.get(name)
        if before is None and after is not None:
            resources.append(ResourceDiff(name, after.type, "added"))
        elif after is None and before is not None:
            resources.append(ResourceDiff(name, before.type, "removed"))
        elif before is not None and after is not None:
            changed = diff_resource(name, before, after)
            if changed is not None:
                resources.append(changed)
    return DocumentDiff(a.source, b.source, a.format, resources, _sections(a, b))


def diff_resource(name: str, before: Resource, after: Resource) -> ResourceDiff | None:
    if before.type != after.type:
        return ResourceDiff(name, after.type, "replaced", before_type=before.type)
    result = ResourceDiff(name, after.type, "changed")
    walker = _Walker(after.type, result)
    for key in _keys(before.properties, after.properties):
        walker.compare(key, before.properties.get(key, _MISSING), after.properties.get(key, _MISSING), key)
    walker.attribute = True
    for key in _keys(before.attributes, after.attributes):
        walker.compare(key, before.attributes.get(key, _MISSING), after.attributes.get(key, _MISSING), key)
    return result if result.changes or result.statements else None


def _keys(first: dict[str, Any], second: dict[str, Any]) -> list[str]:
    return [*first, *(k for k in second if k not in first)]


class _Walker:
    """Walks two property values side by side, recording what differs in `result`."""

    def __init__(self, resource_type: str, result: ResourceDiff) -> None:
        self.resource_type = resource_type
        self.result = result
        self.attribute = False

    def record(self, path: str, before: Any, after: Any) -> None:
        status: Status = "added" if before is _MISSING else "removed" if after is _MISSING else "changed"
        self.result.changes.append(
            Change(
                path=path,
                status=status,
                before=None if before is _MISSING else before,
                after=None if after is _MISSING else after,
                replacement="" if self.attribute else replacement(self.resource_type, _property_path(path)),
                attribute=self.attribute,
            )
        )

    def compare(self, path: str, before: Any, after: Any, key: str) -> None:
        if before is not _MISSING and after is not _MISSING and same(before, after, key):
            return
        if before is _MISSING or after is _MISSING:
            self.record(path, before, after)
            return
        before_doc, after_doc = policy_document(before), policy_document(after)
        if before_doc is not None and after_doc is not None:
            self._policy(path, before_doc, after_doc)
            return
        before_tags, after_tags = tags_as_mapping(before), tags_as_mapping(after)
        if before_tags is not None and after_tags is not None:
            self._mapping(path, before_tags, after_tags)
            return
        if (
            isinstance(before, dict)
            and isinstance(after, dict)
            and not _intrinsic(before)
            and not _intrinsic(after)
        ):
            self._mapping(path, before, after)
            return
        if isinstance(before, list) and isinstance(after, list):
            if key in UNORDERED:
                self._set(path, before, after)
                return
            if len(before) == len(after):
                for index, (first, second) in enumerate(zip(before, after, strict=True)):
                    self.compare(f"{path}[{index}]", first, second, "")
                return
        self.record(path, before, after)

    def _mapping(self, path: str, before: dict[str, Any], after: dict[str, Any]) -> None:
        for key in _keys(before, after):
            self.compare(f"{path}.{key}", before.get(key, _MISSING), after.get(key, _MISSING), key)

    def _set(self, path: str, before: list[Any], after: list[Any]) -> None:
        before_keys = {set_key(item) for item in before}
        after_keys = {set_key(item) for item in after}
        for item in before:
            if set_key(item) not in after_keys:
                self.record(f"{path}[]", item, _MISSING)
        for item in after:
            if set_key(item) not in before_keys:
                self.record(f"{path}[]", _MISSING, item)

    def _policy(self, path: str, before: dict[str, Any], after: dict[str, Any]) -> None:
        first, second = statements(before), statements(after)
        first_keys = {set_key(s) for s in first}
        second_keys = {set_key(s) for s in second}
        added = [s for s in second if set_key(s) not in first_keys]
        removed = [s for s in first if set_key(s) not in second_keys]
        if added or removed:
            self.result.statements.append(StatementChange(path, added, removed))
        rest_before = {k: v for k, v in before.items() if k != "Statement"}
        rest_after = {k: v for k, v in after.items() if k != "Statement"}
        self._mapping(path, rest_before, rest_after)


def _intrinsic(value: dict[str, Any]) -> bool:
    if len(value) != 1:
        return False
    key = next(iter(value))
    return key in ("Ref", "Condition") or key.startswith("Fn::")


def _property_path(path: str) -> str:
    """`Subnets[]` and `Tags.Name` judged as `Subnets` and `Tags`: replacement is decided per property path."""
    return ".".join(part.split("[")[0] for part in path.split("."))


def _sections(a: IacDocument, b: IacDocument) -> list[SectionDiff]:
    found: list[SectionDiff] = []
    for section in _keys(a.sections, b.sections):
        first, second = a.sections.get(section, {}), b.sections.get(section, {})
        for name in _keys(first, second):
            before, after = first.get(name, _MISSING), second.get(name, _MISSING)
            if before is _MISSING:
                found.append(SectionDiff(section, name, "added", after=after))
            elif after is _MISSING:
                found.append(SectionDiff(section, name, "removed", before=before))
            elif not same(before, after, section):
                found.append(SectionDiff(section, name, "changed", before, after))
    return found
