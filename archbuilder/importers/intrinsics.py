"""The value a template gives when deployed with its parameters' defaults, where that can be known without
deploying: a parameter's Default, a FindInMap with known keys, a Sub, Join or Base64 of known text.

The design is checked against these values; the template keeps the expressions themselves (they are written
back as they were), so a setting given through a parameter stays a parameter."""

from __future__ import annotations

from typing import Any

UNKNOWN: Any = object()
# Pseudo parameters with a value known for the design's region; the others (account, stack) are unknown.
_PSEUDO = {"AWS::Partition": "aws", "AWS::URLSuffix": "amazonaws.com", "AWS::NoValue": UNKNOWN}


# The parameter types whose value is that of the SSM parameter the stack is given the name of.
SSM_VALUE = "AWS::SSM::Parameter::Value<"


class Resolver:
    def __init__(self, template: dict[str, Any], region: str) -> None:
        parameters = template.get("Parameters")
        mappings = template.get("Mappings")
        self.parameters: dict[str, Any] = parameters if isinstance(parameters, dict) else {}
        self.mappings: dict[str, Any] = mappings if isinstance(mappings, dict) else {}
        self.pseudo = {**_PSEUDO, "AWS::Region": region}
        # Read from Terraform: keys in snake_case, blocks as one-item lists (property_paths.walk).
        self.fuzzy_keys = False

    def value(self, item: Any, depth: int = 0) -> Any:
        """`item` with the intrinsics whose value is known replaced by it; UNKNOWN when one is not known."""
        if depth > 20:
            return UNKNOWN
        if isinstance(item, list):
            values = [self.value(v, depth + 1) for v in item]
            return UNKNOWN if any(v is UNKNOWN for v in values) else values
        if not isinstance(item, dict):
            return item
        if len(item) == 1:
            key, argument = next(iter(item.items()))
            if key == "Ref":
                return self._ref(argument)
            if key.startswith("Fn::") or key == "Condition":
                return self._function(key, argument, depth)
        resolved = {k: self.value(v, depth + 1) for k, v in item.items()}
        return UNKNOWN if any(v is UNKNOWN for v in resolved.values()) else resolved

    def parameter_name(self, item: Any) -> str | None:
        """The parameter a value names with a bare Ref, if it does."""
        if isinstance(item, dict) and set(item) == {"Ref"} and item["Ref"] in self.parameters:
            return str(item["Ref"])
        return None

    def _ref(self, name: Any) -> Any:
        if not isinstance(name, str):
            return UNKNOWN
        if name in self.pseudo:
            return self.pseudo[name]
        spec = self.parameters.get(name)
        if isinstance(spec, dict) and "Default" in spec:
            default = spec["Default"]
            kind = str(spec.get("Type", "String"))
            if kind.startswith("List<") or kind == "CommaDelimitedList":
                return [part.strip() for part in str(default).split(",")] if default != "" else []
            if kind.startswith(SSM_VALUE) and "List<" not in kind and isinstance(default, str):
                # The stack is given the value of the SSM parameter named: what `resolve:ssm:` says in a design.
                return f"resolve:ssm:{default}"
            return default
        return UNKNOWN

    def _function(self, key: str, argument: Any, depth: int) -> Any:
        if key == "Fn::FindInMap" and isinstance(argument, list) and len(argument) >= 3:
            names = [self.value(a, depth + 1) for a in argument[:3]]
            if any(not isinstance(n, str | int) for n in names):
                return UNKNOWN
            table = self.mappings.get(str(names[0]))
            row = table.get(str(names[1])) if isinstance(table, dict) else None
            return row.get(str(names[2]), UNKNOWN) if isinstance(row, dict) else UNKNOWN
        if key == "Fn::Base64":
            return self.value(argument, depth + 1)
        if key == "Fn::Join" and isinstance(argument, list) and len(argument) == 2:
            parts = self.value(argument[1], depth + 1)
            if parts is UNKNOWN or not isinstance(parts, list) or not isinstance(argument[0], str):
                return UNKNOWN
            return argument[0].join(str(p) for p in parts)
        if key == "Fn::Sub":
            return self._sub(argument, depth)
        return UNKNOWN

    def _sub(self, argument: Any, depth: int) -> Any:
        text, variables = (argument[0], argument[1]) if isinstance(argument, list) else (argument, {})
        if not isinstance(text, str) or not isinstance(variables, dict):
            return UNKNOWN
        result, rest = "", text
        while "${" in rest:
            head, _, tail = rest.partition("${")
            name, closed, rest = tail.partition("}")
            if not closed:
                return UNKNOWN
            if name.startswith("!"):
                result += head + "${" + name[1:] + "}"
                continue
            value = self.value(variables[name], depth + 1) if name in variables else self._ref(name)
            if value is UNKNOWN or isinstance(value, dict | list):
                return UNKNOWN
            result += head + str(value)
        return result + rest
