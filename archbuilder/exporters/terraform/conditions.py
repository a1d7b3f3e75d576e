"""The template's conditions and mappings that its values use (Fn::If, Fn::FindInMap), as Terraform locals: a
mapping as a map, a condition as a boolean expression (Fn::Equals, Fn::Or, Fn::And, Fn::Not, Condition), an
Fn::If as a conditional expression that reads it."""

from __future__ import annotations

from typing import Any

from archbuilder.exporters.terraform.hcl_writer import Block, Expr, value
from archbuilder.model.naming import snake


def condition_text(conv: Any, condition: Any) -> str:
    """A condition (a body, or {"Condition": name}) as an HCL boolean expression."""
    if not isinstance(condition, dict) or len(condition) != 1:
        raise ValueError(f"no Terraform form for the condition {condition!r}")
    ((function, args),) = condition.items()
    if function == "Condition":
        return conv.condition(args).text
    if function == "Fn::Equals":
        left, right = (value(conv.expr(a), 0) for a in args)
        return f"{left} == {right}"
    if function == "Fn::Not":
        return f"!({condition_text(conv, args[0])})"
    if function == "Fn::And":
        return " && ".join(f"({condition_text(conv, a)})" for a in args)
    if function == "Fn::Or":
        compared = _one_of(args)
        if compared is not None:
            subject, choices = compared
            listed = ", ".join(value(choice, 0) for choice in choices)
            return f"contains([{listed}], {value(conv.expr(subject), 0)})"
        return " || ".join(f"({condition_text(conv, a)})" for a in args)
    raise ValueError(f"no Terraform form for the condition function {function}")


def _one_of(tests: list[Any]) -> tuple[Any, list[Any]] | None:
    """(subject, values) when `tests` (nested Fn::Or included) all compare one subject with a literal."""
    subject: Any = None
    choices: list[Any] = []
    for test in tests:
        if isinstance(test, dict) and set(test) == {"Fn::Or"}:
            inner = _one_of(test["Fn::Or"])
            if inner is None:
                return None
            pairs = [(inner[0], choice) for choice in inner[1]]
        elif (
            isinstance(test, dict) and set(test) == {"Fn::Equals"} and isinstance(test["Fn::Equals"][1], str)
        ):
            pairs = [(test["Fn::Equals"][0], test["Fn::Equals"][1])]
        else:
            return None
        for left, choice in pairs:
            if subject is not None and left != subject:
                return None
            subject = left
            choices.append(choice)
    return (subject, choices) if subject is not None else None


def locals_block(conv: Any) -> Block | None:
    """The mappings and conditions the converted values read (a condition may read others), in the template's
    order."""
    template = conv.template
    conditions = template.get("Conditions") or {}
    texts: dict[str, str] = {}
    while pending := sorted(set(conv.used_conditions) - set(texts)):
        for name in pending:
            texts[name] = condition_text(conv, conditions[name])
    body: dict[str, Any] = {
        snake(name): mapping
        for name, mapping in (template.get("Mappings") or {}).items()
        if name in conv.used_mappings
    }
    body |= {snake(name): Expr(texts[name]) for name in conditions if name in texts}
    return Block("locals", (), body) if body else None
