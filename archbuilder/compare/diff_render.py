"""`archbuilder diff` output: text for people (one line per change, statements spelled out) and JSON for tools."""

from __future__ import annotations

import json
from typing import Any

from archbuilder.compare.diff_engine import Change, DocumentDiff, ResourceDiff, SectionDiff
from archbuilder.compare.diff_values import show, show_statement

MARK = {"added": "+", "removed": "-", "changed": "~", "replaced": "!"}


def render_text(diff: DocumentDiff) -> str:
    if diff.empty:
        return f"no difference between {diff.a} and {diff.b}\n"
    lines = [f"--- {diff.a}", f"+++ {diff.b}"]
    for resource in diff.resources:
        lines += _resource_lines(resource)
    current = ""
    for section in diff.sections:
        if section.section != current:
            current = section.section
            lines.append(f"{current}:")
        lines.append(_section_line(section))
    lines.append(summary(diff))
    return "\n".join(lines) + "\n"


def summary(diff: DocumentDiff) -> str:
    counts = {status: 0 for status in ("added", "removed", "changed", "replaced")}
    for resource in diff.resources:
        counts[resource.status] += 1
    replacing = sum(1 for r in diff.resources if r.replacement == "replaces")
    maybe = sum(1 for r in diff.resources if r.replacement == "may replace")
    text = (
        f"{len(diff.resources)} resources differ: {counts['added']} added, {counts['removed']} removed, "
        f"{counts['changed'] + counts['replaced']} changed ({replacing} replaced"
    )
    text += f", {maybe} may be replaced)" if maybe else ")"
    if diff.sections:
        text += f"; {len(diff.sections)} other template entries differ"
    return text


def _resource_lines(resource: ResourceDiff) -> list[str]:
    head = f"{MARK[resource.status]} {resource.name} ({resource.type})"
    if resource.status == "replaced":
        return [f"{head}: type was {resource.before_type}; the resource is replaced"]
    if resource.status != "changed":
        return [f"{head} {resource.status}"]
    note = {"replaces": " (replacement)", "may replace": " (may be replaced)"}.get(resource.replacement, "")
    lines = [head + note]
    lines += [_change_line(change) for change in resource.changes]
    for group in resource.statements:
        lines.append(f"    ~ {group.path}: statements")
        lines += [f"        + {show_statement(s)}" for s in group.added]
        lines += [f"        - {show_statement(s)}" for s in group.removed]
    return lines


def _change_line(change: Change) -> str:
    where = f"{change.path} (resource attribute)" if change.attribute else change.path
    if change.status == "added":
        text = f"    + {where}: {show(change.after)}"
    elif change.status == "removed":
        text = f"    - {where}: {show(change.before)}"
    else:
        text = f"    ~ {where}: {show(change.before)} -> {show(change.after)}"
    if change.replacement:
        text += f"  [{change.replacement} the resource]"
    return text


def _section_line(section: SectionDiff) -> str:
    name = section.name or section.section
    if section.status == "added":
        return f"  + {name}: {show(section.after)}"
    if section.status == "removed":
        return f"  - {name}: {show(section.before)}"
    return f"  ~ {name}: {show(section.before)} -> {show(section.after)}"


def render_json(diff: DocumentDiff) -> str:
    document: dict[str, Any] = {
        "a": diff.a,
        "b": diff.b,
        "format": diff.format,
        "identical": diff.empty,
        "resources": [_resource_json(r) for r in diff.resources],
        "sections": [
            {"section": s.section, "name": s.name, "status": s.status, "before": s.before, "after": s.after}
            for s in diff.sections
        ],
        "summary": summary(diff) if not diff.empty else "no difference",
    }
    return json.dumps(document, indent=2, ensure_ascii=False, default=str) + "\n"


def _resource_json(resource: ResourceDiff) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "name": resource.name,
        "type": resource.type,
        "status": resource.status,
        "replacement": resource.replacement or None,
    }
    if resource.before_type:
        entry["before_type"] = resource.before_type
    if resource.status in ("changed",):
        entry["changes"] = [
            {
                "path": c.path,
                "status": c.status,
                "before": c.before,
                "after": c.after,
                "replacement": c.replacement or None,
                "attribute": c.attribute,
            }
            for c in resource.changes
        ]
        entry["statements"] = [
            {"path": s.path, "added": s.added, "removed": s.removed} for s in resource.statements
        ]
    return entry
