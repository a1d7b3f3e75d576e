"""The CloudFormation template of a design: rendered from the model, or, for a design imported from
CloudFormation, the template it came from with the design's edits applied (model/imported.py, write_back.py).

The design as imported (the baseline) and the design as it is are rendered alike; resources rendered for a node
take the names the template gave them (the node's own resource, and a companion of the same type folded into
it), so that the two renderings and the source speak of the same resources. Their difference is applied to the
source. Resources of deleted nodes are not written; references left pointing at nothing are taken out.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from archbuilder.exporters.cloudformation.tagging import DESIGN_TAG, tag_property
from archbuilder.exporters.cloudformation.template import DESIGN_METADATA, build_template, render
from archbuilder.exporters.registry import ExportError
from archbuilder.exporters.write_back import MISSING, merge_named, patch
from archbuilder.importers.references import refs, rename_refs
from archbuilder.model import Architecture, DocumentError
from archbuilder.model.imported import ImportedSource
from archbuilder.model.serialization import SCHEMA_VERSION, DocumentFile, build_document

SECTIONS = (
    "AWSTemplateFormatVersion",
    "Description",
    "Metadata",
    "Transform",
    "Parameters",
    "Mappings",
    "Conditions",
    "Resources",
    "Outputs",
)
NAMED_SECTIONS = ("Parameters", "Mappings", "Conditions", "Resources", "Outputs")
RESOURCE_KEYS = (
    "Type",
    "Condition",
    "DependsOn",
    "DeletionPolicy",
    "UpdateReplacePolicy",
    "CreationPolicy",
    "UpdatePolicy",
    "Metadata",
    "Properties",
)


def cloudformation_template(architecture: Architecture) -> dict[str, Any]:
    source = architecture.imported
    if source is None or source.format != "cloudformation":
        return build_template(architecture)
    before = baseline(architecture, source)
    base, current = _aligned(before, source), _aligned(architecture, source)
    if DESIGN_METADATA not in (source.template.get("Metadata") or {}):
        # A template that never carried the design's names keeps its own conventions (its Name tags).
        for rendered in (base, current):
            rendered.pop("Metadata", None)
    if not _has_tag(source.template, DESIGN_TAG):
        # Nor its tags: renaming the design does not add the Design tag (a production default) to a template
        # that had none.
        for rendered in (base, current):
            _drop_tag(rendered, DESIGN_TAG)
    template = _merge(source, base, current, set(architecture.nodes))
    _complete(template, current)
    _prune_dangling(template)
    _prune_parameters(template, source.template)
    _rename_name_tags(template, before, architecture, source)
    return template


def _tags_of(body: Any) -> tuple[dict[str, Any], str] | None:
    """(properties, the name of their tags property) of a resource whose type takes tags."""
    if not isinstance(body, dict) or not isinstance(body.get("Properties"), dict):
        return None
    found = tag_property(str(body.get("Type")))
    return (body["Properties"], found[0]) if found else None


def _has_tag(template: dict[str, Any], key: str) -> bool:
    for body in (template.get("Resources") or {}).values():
        where = _tags_of(body)
        tags = where[0].get(where[1]) if where else None
        if isinstance(tags, dict) and key in tags:
            return True
        if isinstance(tags, list) and any(isinstance(t, dict) and t.get("Key") == key for t in tags):
            return True
    return False


def _drop_tag(template: dict[str, Any], key: str) -> None:
    for body in (template.get("Resources") or {}).values():
        where = _tags_of(body)
        tags = where[0].get(where[1]) if where else None
        if isinstance(tags, dict):
            tags.pop(key, None)
        elif isinstance(tags, list):
            tags[:] = [t for t in tags if not (isinstance(t, dict) and t.get("Key") == key)]


def _rename_name_tags(
    template: dict[str, Any], before: Architecture, after: Architecture, source: ImportedSource
) -> None:
    """A relabelled node's resource whose Name tag held its old label takes the new one (the import read the
    label from that tag), also where the rendering writes no tags for the type."""
    resources = template.get("Resources") or {}
    for node_id, name in source.names.items():
        if node_id not in before.nodes or node_id not in after.nodes or name not in resources:
            continue
        old, new = before.node(node_id).label, after.node(node_id).label
        tags = (resources[name].get("Properties") or {}).get("Tags")
        if old == new or not isinstance(tags, list):
            continue
        for tag in tags:
            if isinstance(tag, dict) and tag.get("Key") == "Name" and tag.get("Value") == old:
                tag["Value"] = new


def baseline(architecture: Architecture, source: ImportedSource) -> Architecture:
    """The design as it was imported, with properties the catalog no longer has left out."""
    catalog = architecture.catalog
    nodes = []
    for node in source.baseline_nodes:
        if node.kind == "service" and node.type in catalog:
            known = {spec.name for spec in catalog.get(node.type).properties}
            node = node.model_copy(
                update={"properties": {k: v for k, v in node.properties.items() if k in known}}
            )
        nodes.append(node)
    document = DocumentFile(
        schema_version=SCHEMA_VERSION,
        metadata=source.baseline_metadata,
        nodes=nodes,
        connections=list(source.baseline_connections),
        template=architecture.template,
    )
    try:
        base = build_document(document, "the design as imported", catalog)
    except DocumentError as exc:
        raise ExportError(f"the imported template cannot be written back: {exc}") from None
    base.imported = source
    return base


def _aligned(architecture: Architecture, source: ImportedSource) -> dict[str, Any]:
    template, made_for = render(architecture)
    return renamed(template, _renames(template["Resources"], made_for, source))


def _renames(
    resources: dict[str, Any], made_for: dict[str, tuple[str, str]], source: ImportedSource
) -> dict[str, str]:
    """Rendered logical id -> the source's: a node's own resource, and a companion of a type of which the node
    owns exactly one in the source and the rendering made exactly one for it. A rendered name the source uses
    for another resource is given a fresh name."""
    written: dict[str, Any] = source.template.get("Resources") or {}
    renames: dict[str, str] = {}
    for name, (node_id, suffix) in made_for.items():
        target = source.names.get(node_id)
        if name in resources and suffix == "" and target in written:
            renames[name] = target
    owned: dict[tuple[str, str], list[str]] = defaultdict(list)
    for name, node_id in source.owners.items():
        if name in written and name not in renames.values() and source.names.get(node_id) != name:
            owned[(node_id, str(written[name].get("Type")))].append(name)
    made: dict[tuple[str, str], list[str]] = defaultdict(list)
    for name, (node_id, suffix) in made_for.items():
        if name in resources and suffix and name not in renames:
            made[(node_id, str(resources[name].get("Type")))].append(name)
    for key, names in made.items():
        if len(names) == 1 and len(owned.get(key, [])) == 1:
            renames[names[0]] = owned[key][0]
    taken = set(renames.values())
    for name, body in resources.items():
        if name in renames or name not in written:
            continue
        same_owner = made_for.get(name, (source.owners.get(name), ""))[0] == source.owners.get(name)
        if name in taken or written[name].get("Type") != body.get("Type") or not same_owner:
            renames[name] = _fresh(name, set(written) | set(resources) | taken)
            taken.add(renames[name])
    return {old: new for old, new in renames.items() if old != new}


def _fresh(name: str, taken: set[str]) -> str:
    number = 2
    while f"{name}{number}" in taken:
        number += 1
    return f"{name}{number}"


def renamed(template: dict[str, Any], renames: dict[str, str]) -> dict[str, Any]:
    """The template with resources renamed, with every Ref, GetAtt, Sub and DependsOn following."""
    if not renames:
        return template
    result = rename_refs(template, renames)
    resources = {}
    for name, body in result["Resources"].items():
        depends = body.get("DependsOn")
        if depends is not None:
            body = {**body, "DependsOn": _renamed_depends(depends, renames)}
        resources[renames.get(name, name)] = body
    result["Resources"] = resources
    return dict(result)


def _renamed_depends(depends: Any, renames: dict[str, str]) -> Any:
    if isinstance(depends, str):
        return renames.get(depends, depends)
    return [renames.get(d, d) if isinstance(d, str) else d for d in depends]


def _merge(
    source: ImportedSource, base: dict[str, Any], current: dict[str, Any], alive: set[str]
) -> dict[str, Any]:
    written = source.template
    resources = written.get("Resources") or {}
    order = [n for n in source.order if n in resources] + [n for n in resources if n not in source.order]
    kept = {
        name: resources[name]
        for name in order
        if source.owners.get(name) is None or source.owners[name] in alive
    }
    merged: dict[str, Any] = {}
    for section in [*written, *(s for s in SECTIONS if s not in written)]:
        if section == "Resources":
            value: Any = merge_named(kept, base.get("Resources", {}), current.get("Resources", {}))
            value = {name: _resource_order(body) for name, body in value.items()}
        elif section in NAMED_SECTIONS:
            value = merge_named(
                written.get(section) or {}, base.get(section) or {}, current.get(section) or {}
            )
        else:
            value = patch(
                written.get(section, MISSING), base.get(section, MISSING), current.get(section, MISSING)
            )
        if value is not MISSING and (value or section == "Resources"):
            merged[section] = value
    return merged


def _resource_order(body: Any) -> Any:
    if not isinstance(body, dict):
        return body
    return {
        **{key: body[key] for key in RESOURCE_KEYS if key in body},
        **{k: v for k, v in body.items() if k not in RESOURCE_KEYS},
    }


PSEUDO_PREFIX = "AWS::"


def _complete(template: dict[str, Any], current: dict[str, Any]) -> None:
    """A resource the design added may name a parameter or resource that the current rendering has and the
    merge left out (it was unchanged and the source never had it): bring those in."""
    while True:
        missing = _dangling(template) & (set(current.get("Parameters") or {}) | set(current["Resources"]))
        if not missing:
            return
        for name in sorted(missing):
            section = "Parameters" if name in (current.get("Parameters") or {}) else "Resources"
            template.setdefault(section, {})[name] = current[section][name]


def _dangling(template: dict[str, Any]) -> set[str]:
    known = set(template.get("Parameters") or {}) | set(template.get("Resources") or {})
    found: set[str] = set()
    for body in (template.get("Resources") or {}).values():
        found |= {r for r in refs(body.get("Properties")) if r not in known}
        found |= {d for d in _depends(body) if d not in known}
    for body in (template.get("Outputs") or {}).values():
        found |= {r for r in refs(body) if r not in known}
    return {name for name in found if not name.startswith(PSEUDO_PREFIX)}


def _depends(body: dict[str, Any]) -> list[str]:
    depends = body.get("DependsOn")
    return [depends] if isinstance(depends, str) else [d for d in depends or [] if isinstance(d, str)]


def _prune_dangling(template: dict[str, Any]) -> None:
    """References to what the design deleted are taken out: the list item or entry holding one, a DependsOn
    entry, an Output; a resource whose own property is such a reference goes too (it was about the deleted)."""
    while True:
        gone = _dangling(template)
        if not gone:
            return
        resources = template["Resources"]
        for name in list(resources):
            body = resources[name]
            properties = body.get("Properties")
            if isinstance(properties, dict) and any(_only_refers_to(v, gone) for v in properties.values()):
                del resources[name]
                continue
            if isinstance(properties, dict):
                body["Properties"] = _without(properties, gone)
            depends = [d for d in _depends(body) if d not in gone]
            if "DependsOn" in body:
                if depends:
                    body["DependsOn"] = depends if isinstance(body["DependsOn"], list) else depends[0]
                else:
                    del body["DependsOn"]
        outputs = template.get("Outputs") or {}
        for name in [n for n, body in outputs.items() if set(refs(body)) & gone]:
            del outputs[name]
        if not outputs:
            template.pop("Outputs", None)


def _prune_parameters(template: dict[str, Any], written: dict[str, Any]) -> None:
    """A parameter the source used and nothing uses any more was about what the design deleted (a customer
    gateway's address, an instance class): it goes. One the source declared without using stays, as written."""
    parameters = template.get("Parameters")
    if not isinstance(parameters, dict):
        return
    before, after = _used_names(written), _used_names(template)
    metadata = json.dumps(template.get("Metadata") or {})
    for name in [n for n in parameters if n in before and n not in after and f'"{n}"' not in metadata]:
        del parameters[name]
    if not parameters:
        del template["Parameters"]


def _used_names(template: dict[str, Any]) -> set[str]:
    """What the template's resources, outputs, conditions, rules and parameters refer to."""
    sections = ("Resources", "Outputs", "Conditions", "Rules", "Parameters")
    return {name for section in sections for name in refs(template.get(section) or {})}


def _only_refers_to(value: Any, gone: set[str]) -> bool:
    """A value that is (or is a list of nothing but) references to what is gone."""
    if isinstance(value, list):
        return bool(value) and all(_only_refers_to(item, gone) for item in value)
    found = refs(value)
    return bool(found) and isinstance(value, dict) and len(value) == 1 and set(found) <= gone


def _without(value: Any, gone: set[str]) -> Any:
    """`value` without the references to what is gone: an entry holding one is left out, and an item of a list
    that loses such an entry goes whole (a statement about the deleted resource, a target naming it), as does a
    policy left with no statement."""
    return _pruned(value, gone)[0]


def _pruned(value: Any, gone: set[str]) -> tuple[Any, bool]:
    """(value without references to `gone`, whether an entry of this very mapping was one)."""
    if isinstance(value, dict):
        if (
            len(value) == 1
            and set(refs(value)) & gone
            and next(iter(value)) in ("Ref", "Fn::GetAtt", "Fn::Sub")
        ):
            return MISSING, True
        kept: dict[str, Any] = {}
        lost = False
        for key, item in value.items():
            pruned, direct = _pruned(item, gone)
            if pruned is MISSING:
                lost = lost or direct
                continue
            kept[key] = pruned
        if "Statement" in value and kept.get("Statement") == []:
            return MISSING, True
        return kept, lost
    if isinstance(value, list):
        items = []
        for item in value:
            pruned, lost = _pruned(item, gone)
            if pruned is MISSING or lost or (isinstance(item, dict) and pruned == {}):
                continue
            items.append(pruned)
        return items, False
    return value, False
