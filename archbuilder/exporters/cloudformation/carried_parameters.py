"""The parameters a design carries from the template it was imported from (TemplateSections), as the rendering
writes them beside its own.

A design imported from Terraform carries its variables (`app_servers_instance_type`), one from CloudFormation its
parameters. The rendering gives each node's values from the design itself and writes its own parameters for the
per-deployment ones, so a carried parameter stays only where something the rendering writes still names it (a kept
generic resource, a carried condition or output): one nothing names would be a parameter a deployment is asked
for and nothing reads (cfn-lint W2001). That is so only of a parameter the source read, whose reader is now written
from the design's own values: one the source declared without reading it (a NoEcho key kept for a later stack, or
a parameter the user added to a drawn design's sections) is the user's and is written as given. One the rendering
writes itself under the same name holds the design's
value and is the one written. CloudFormation names parameters with letters and digits only (cfn-lint E2001): a
Terraform variable's name is written in PascalCase, unique among the template's names, and what names it follows.
"""

from __future__ import annotations

import json
import re
from typing import Any

from archbuilder.importers.references import refs, rename_refs
from archbuilder.model.imported import ImportedSource
from archbuilder.model.naming import pascal

_CLOUDFORMATION_NAME = re.compile(r"[A-Za-z0-9]+")
_TERRAFORM_VARIABLE = re.compile(r"\bvar\.([A-Za-z_][A-Za-z0-9_-]*)")


def read_by_source(imported: ImportedSource | None) -> set[str]:
    """The parameters (Terraform variables) the template a design was imported from reads anywhere but in their
    own declarations; none for a design drawn here."""
    if imported is None:
        return set()
    if imported.format == "terraform":
        blocks = {kind: value for kind, value in imported.template.items() if kind != "variable"}
        return set(_TERRAFORM_VARIABLE.findall(json.dumps(blocks)))
    return set(refs([value for section, value in imported.template.items() if section != "Parameters"]))


def written_parameters(
    sections: dict[str, Any],
    own: dict[str, Any],
    carried: dict[str, Any],
    *,
    read_in_source: set[str],
    for_terraform: bool,
) -> dict[str, Any]:
    """The template's Parameters, in name order: the rendering's `own`, and the `carried` ones that the
    template's other `sections` (Resources, Conditions, Outputs, Rules) name or the source never read, renamed
    where CloudFormation cannot spell them (Terraform spells any name); `sections` then name them as renamed."""
    named = set(refs(list(sections.values())))
    kept = {
        name: spec
        for name, spec in carried.items()
        if (name in named or name not in read_in_source) and name not in own
    }
    taken = set(own) | set(sections.get("Resources") or {}) | {n for n in kept if _spelled(n, for_terraform)}
    renames: dict[str, str] = {}
    for name in sorted(kept):
        if not _spelled(name, for_terraform):
            renames[name] = _unique(pascal(name, "Parameter"), taken)
            taken.add(renames[name])
    for section, value in list(sections.items()) if renames else ():
        sections[section] = rename_refs(value, renames)
    parameters = {**{renames.get(name, name): _spec(spec) for name, spec in kept.items()}, **own}
    return dict(sorted(parameters.items()))


def _spelled(name: str, for_terraform: bool) -> bool:
    return for_terraform or _CLOUDFORMATION_NAME.fullmatch(name) is not None


def _unique(name: str, taken: set[str]) -> str:
    number, unique = 2, name
    while unique in taken:
        unique, number = f"{name}{number}", number + 1
    return unique


def _spec(spec: Any) -> Any:
    """A Terraform variable's number or bool default as the text a String parameter holds (`true`, `3`)."""
    if not isinstance(spec, dict) or not isinstance(spec.get("Default"), (bool, int, float)):
        return spec
    default = spec["Default"]
    return {**spec, "Default": str(default).lower() if isinstance(default, bool) else str(default)}
