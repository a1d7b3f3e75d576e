"""Finding and renaming the logical ids a CloudFormation value refers to (Ref, Fn::GetAtt, ${...} in Fn::Sub)."""

from __future__ import annotations

import re
from typing import Any

_SUB_NAME = re.compile(r"\$\{([^}!]+)\}")


def refs(value: Any) -> list[str]:
    """Logical ids a value refers to through Ref, GetAtt or ${...} in Sub, in order of appearance."""
    found: list[str] = []
    _gather(value, found)
    return found


def _gather(value: Any, found: list[str]) -> None:
    """refs into one list (the import asks this of every value of every resource, several times)."""
    if isinstance(value, dict):
        if len(value) == 1:
            if "Ref" in value and isinstance(value["Ref"], str):
                found.append(value["Ref"])
                return
            if "Fn::GetAtt" in value:
                target = value["Fn::GetAtt"]
                found.append(target[0] if isinstance(target, list) else str(target).split(".")[0])
                return
            if "Fn::Sub" in value:
                body = value["Fn::Sub"]
                text = body[0] if isinstance(body, list) and body else body
                variables = body[1] if isinstance(body, list) and len(body) > 1 else {}
                # Names the Sub defines for itself are not references.
                local = set(variables) if isinstance(variables, dict) else set()
                found += [
                    name for m in _SUB_NAME.findall(str(text)) if (name := m.split(".")[0]) not in local
                ]
        for item in value.values():
            _gather(item, found)
    elif isinstance(value, list):
        for item in value:
            _gather(item, found)


def rename_refs(value: Any, renames: dict[str, str]) -> Any:
    """A copy of `value` with references to the keys of `renames` pointing at their new names.

    Used where imported text is written back verbatim (generic resources' properties, Outputs) so that its
    references match the logical ids the exporter gives the nodes they point at."""
    if not renames:
        return value
    if isinstance(value, list):
        return [rename_refs(item, renames) for item in value]
    if not isinstance(value, dict):
        return value
    if set(value) == {"Ref"} and isinstance(value["Ref"], str):
        return {"Ref": renames.get(value["Ref"], value["Ref"])}
    if set(value) == {"Fn::GetAtt"}:
        target = value["Fn::GetAtt"]
        if isinstance(target, list) and target and isinstance(target[0], str):
            return {"Fn::GetAtt": [renames.get(target[0], target[0]), *target[1:]]}
        if isinstance(target, str):
            name, _, attribute = target.partition(".")
            return {
                "Fn::GetAtt": f"{renames.get(name, name)}.{attribute}"
                if attribute
                else renames.get(name, name)
            }
    if set(value) == {"Fn::Sub"}:
        body = value["Fn::Sub"]
        if isinstance(body, str):
            return {"Fn::Sub": _rename_sub(body, renames)}
        if isinstance(body, list) and body and isinstance(body[0], str):
            variables = rename_refs(body[1], renames) if len(body) > 1 else None
            # Names defined as Sub variables are local to the string, not resources: leave them alone.
            local = set(variables) if isinstance(variables, dict) else set()
            outer = {k: v for k, v in renames.items() if k not in local}
            return {"Fn::Sub": [_rename_sub(body[0], outer), *([variables] if len(body) > 1 else [])]}
    return {key: rename_refs(item, renames) for key, item in value.items()}


def _rename_sub(text: str, renames: dict[str, str]) -> str:
    def replace(match: re.Match[str]) -> str:
        name, dot, attribute = match.group(1).partition(".")
        return "${" + renames.get(name, name) + dot + attribute + "}"

    return _SUB_NAME.sub(replace, text)


def parameter_text(value: Any, parameters: Any) -> str | None:
    """The text a value has when every parameter it names keeps its default (`Ref: Domain`, or `Fn::Sub:
    shop.${Domain}`, as the export writes names from a zone's domain); None where it names anything else."""
    if not isinstance(parameters, dict):
        return None

    def default(name: str) -> str | None:
        spec = parameters.get(name)
        found = spec.get("Default") if isinstance(spec, dict) else None
        return str(found) if isinstance(found, str | int) else None

    if isinstance(value, dict) and set(value) == {"Ref"} and isinstance(value["Ref"], str):
        return default(value["Ref"])
    if isinstance(value, dict) and set(value) == {"Fn::Sub"} and isinstance(value["Fn::Sub"], str):
        names = _SUB_NAME.findall(value["Fn::Sub"])
        values = {name: default(name) for name in names}
        if any(v is None for v in values.values()):
            return None
        return _SUB_NAME.sub(lambda m: str(values[m.group(1)]), value["Fn::Sub"]).replace("${!", "${")
    return None
