"""How `archbuilder diff` shows a value and an IAM statement (what counts as the same value is in
importers/template_values.py)."""

from __future__ import annotations

import json
from typing import Any


def show(value: Any, limit: int = 160) -> str:
    """One line for a value: intrinsics in their short form, structures as compact JSON."""
    text = _short(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _short(value: Any) -> str:
    if isinstance(value, dict) and len(value) == 1:
        key, item = next(iter(value.items()))
        if key == "Ref" and isinstance(item, str):
            return f"!Ref {item}"
        if key == "Fn::GetAtt":
            parts = item if isinstance(item, list) else str(item).split(".", 1)
            return "!GetAtt " + ".".join(str(p) for p in parts)
        if key.startswith("Fn::"):
            return f"!{key[4:]} {_short(item)}"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_short(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_short(v)}" for k, v in value.items()) + "}"
    return json.dumps(value)


def show_statement(statement: dict[str, Any]) -> str:
    """`Allow s3:GetObject, s3:ListBucket on !GetAtt Bucket.Arn for Service lambda.amazonaws.com`."""
    effect = statement.get("Effect", "?")
    actions = statement.get("Action") or statement.get("NotAction") or []
    negated = "not " if "NotAction" in statement and "Action" not in statement else ""
    text = f"{effect} {negated}{', '.join(_plain(a) for a in actions)}"
    resources = statement.get("Resource") or statement.get("NotResource")
    if resources:
        text += " on " + ", ".join(_plain(r) for r in resources)
    principal = statement.get("Principal")
    if principal is not None:
        if isinstance(principal, dict):
            who = "; ".join(
                f"{kind} {', '.join(_plain(p) for p in names)}" for kind, names in principal.items()
            )
        else:
            who = _plain(principal)
        text += f" for {who}"
    if "Condition" in statement:
        text += f" when {_short(statement['Condition'])}"
    if "Sid" in statement:
        text += f" (Sid {statement['Sid']})"
    return text


def _plain(value: Any) -> str:
    return value if isinstance(value, str) else _short(value)
