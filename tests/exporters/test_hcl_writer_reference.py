"""The HCL writer (hcl_writer.py) lays out exactly what its plain first version laid out, kept here as the
reference: hypothesis draws blocks of every shape the exporters build (nested blocks alone and in lists, empty
bodies and collections, expressions over several lines, calls, numbers, booleans, null, keys that need quotes,
text with template sequences, escapes, line breaks and characters beyond the BMP) and compares the bytes."""

from __future__ import annotations

import json
import re
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from archbuilder.exporters.terraform.hcl_writer import Block, Call, Expr, document, literal

# ---------------------------------------------------------------- the reference: the writer as first written

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
_DOLLAR_AFTER_DOLLAR = re.compile(r"(?<=\$)\$\{")
_DOLLAR = re.compile(r"(?<!\$)\$\{")


def _literal(text: str, *, before_template: bool = False) -> str:
    escaped = json.dumps(text, ensure_ascii=False)[1:-1]
    escaped = _DOLLAR_AFTER_DOLLAR.sub(r"\\u0024{", escaped)
    escaped = _DOLLAR.sub("$${", escaped).replace("%{", "\\u0025{")
    if before_template and escaped.endswith("$"):
        escaped = escaped[:-1] + "\\u0024"
    return escaped


def _quote(text: str) -> str:
    return f'"{_literal(text)}"'


def _key(name: str) -> str:
    return name if _IDENTIFIER.match(name) else _quote(name)


def _is_block(value: Any) -> bool:
    return isinstance(value, Block) or (
        isinstance(value, list) and bool(value) and all(isinstance(v, Block) for v in value)
    )


def _value(item: Any, indent: int) -> str:
    pad = "  " * indent
    if isinstance(item, Expr):
        return item.text
    if isinstance(item, Call):
        return f"{item.function}({_value(item.argument, indent)})"
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, int | float):
        return json.dumps(item)
    if item is None:
        return "null"
    if isinstance(item, str):
        return _quote(item)
    if isinstance(item, list):
        if not item:
            return "[]"
        rendered = [_value(v, indent + 1) for v in item]
        if all("\n" not in r for r in rendered) and sum(len(r) for r in rendered) < 80:
            return "[" + ", ".join(rendered) + "]"
        inner = "".join(f"{pad}  {r},\n" for r in rendered)
        return "[\n" + inner + pad + "]"
    if isinstance(item, dict):
        if not item:
            return "{}"
        return "{\n" + _attributes(item, indent + 1) + pad + "}"
    raise TypeError(f"cannot write {type(item).__name__} as HCL")


def _attributes(items: dict[str, Any], indent: int) -> str:
    pad = "  " * indent
    lines: list[str] = []
    run: list[tuple[str, str]] = []

    def flush() -> None:
        width = max((len(k) for k, _ in run), default=0)
        lines.extend(f"{pad}{k.ljust(width)} = {v}\n" for k, v in run)
        run.clear()

    for name, item in items.items():
        key = _key(name)
        rendered = _value(item, indent)
        if "\n" in rendered:
            flush()
            lines.append(f"{pad}{key} = {rendered}\n")
        else:
            run.append((key, rendered))
    flush()
    return "".join(lines)


def _block(item: Block, indent: int = 0) -> str:
    pad = "  " * indent
    header = " ".join([item.type, *(_quote(label) for label in item.labels)])
    attributes = {k: v for k, v in item.body.items() if not _is_block(v)}
    nested = [(k, v) for k, v in item.body.items() if _is_block(v)]
    parts = [_attributes(attributes, indent + 1)] if attributes else []
    for _name, child in nested:
        for sub in child if isinstance(child, list) else [child]:
            parts.append(_block(sub, indent + 1))
    inner = "\n".join(part.rstrip("\n") + "\n" for part in parts)
    return f"{pad}{header} {{\n{inner}{pad}}}\n" if parts else f"{pad}{header} {{}}\n"


def reference_document(blocks: list[Block]) -> str:
    return "\n".join(_block(item) for item in blocks)


# ---------------------------------------------------------------- what the exporters build

_PIECES = ["${var.x}", "$${", "$$${x}", "%{ if }", "%%{", "a $", "$", "{", "}", '"', "\\", "\n", "\r", "\t"]
_PIECES += ["\u2028", "\x85", "\x00", "\x1b", "é", "店", "🛒", " ", "=", "#", "//", "/*", "EOF", "<<EOF"]
_text = st.one_of(
    st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=5)), max_size=6).map("".join),
    st.sampled_from(["", "x" * 90, "10.0.0.0/16", "arn:aws:iam::aws:policy/x", "Name"]),
)
_names = st.one_of(st.from_regex(r"[A-Za-z_][A-Za-z0-9_-]{0,24}", fullmatch=True), _text)
_expressions = st.one_of(
    st.from_regex(r"aws_[a-z_]{1,12}\.[a-z0-9_]{1,12}\.(id|arn)", fullmatch=True),
    st.sampled_from(["var.name", "data.aws_region.current.name", "<<EOT\nline\nEOT\n", "x\n", "a\nb"]),
).map(Expr)
_scalars = st.one_of(
    _text,
    _expressions,
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.none(),
)
_values = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5),
        st.dictionaries(_names, inner, max_size=5),
        st.builds(Call, st.sampled_from(["jsonencode", "tolist"]), inner),
    ),
    max_leaves=12,
)


def _blocks(depth: int) -> st.SearchStrategy[Block]:
    children: st.SearchStrategy[Any] = _values
    if depth > 0:
        nested = _blocks(depth - 1)
        children = st.one_of(_values, nested, st.lists(nested, min_size=1, max_size=3))
    return st.builds(
        Block,
        st.sampled_from(["resource", "data", "variable", "ingress", "statement", "lifecycle"]),
        st.lists(_text, max_size=2).map(tuple),
        st.dictionaries(_names, children, max_size=5),
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_blocks(2), max_size=3))
@example(
    [Block("resource", ("aws_s3_bucket", "b"), {"tags": {}, "x": [], "y": Block("lifecycle")}), Block("a")]
)
@example([Block("r", ("a$", "%{"), {"k": Expr("x\n"), "aligned": 1, "much_longer_key": "v", "n": None})])
def test_the_writer_lays_out_what_the_first_writer_laid_out(blocks: list[Block]) -> None:
    assert document(blocks) == reference_document(blocks)


@given(_text, st.booleans())
def test_a_literal_is_escaped_as_before(text: str, before_template: bool) -> None:
    assert literal(text, before_template=before_template) == _literal(text, before_template=before_template)
