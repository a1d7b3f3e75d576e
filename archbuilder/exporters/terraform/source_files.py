"""The Terraform files of a design imported from Terraform: the files it came from, with the design's edits
applied (model/imported.py, exporters/write_back.py), as the CloudFormation export does for a template.

The design as imported and the design as it is are rendered alike and read back with python-hcl2, so that the
three sides (the source, the base, the current rendering) are blocks in the same form: resources and data sources
by address, variables, outputs and modules by name, providers by name and alias. Their difference is applied to
the source's blocks; the files are the source's text with only the changed blocks written again (in terraform
fmt's layout), the removed ones taken out and the added ones appended, so comments and layout stay."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from archbuilder.exporters.cloudformation.source_template import baseline
from archbuilder.exporters.terraform.hcl_writer import Block, Expr, document
from archbuilder.exporters.terraform.header_comment import header_updated
from archbuilder.exporters.write_back import merge_named
from archbuilder.importers.template_values import same
from archbuilder.model import Architecture
from archbuilder.model.imported import ImportedSource

# Where a block the design adds goes, by its kind.
NEW_FILES = {
    "variable": "variables.tf",
    "output": "outputs.tf",
    "terraform": "versions.tf",
    "provider": "providers.tf",
}
Key = str  # a block's identity as JSON text: ["resource", "aws_vpc", "main"]
Render = Callable[[Architecture], dict[str, str]]


@dataclass(frozen=True)
class SourceBlock:
    file: str
    first: int  # line numbers, 1-based, inclusive
    last: int
    key: Key
    body: Any  # python-hcl2's form


def written_back(architecture: Architecture, render: Render) -> dict[str, str]:
    """The design's Terraform files: `render` is the export from the model alone."""
    source = architecture.imported
    if source is None or source.format != "terraform":
        return dict(render(architecture))
    texts = _source_texts(source)
    every_block = source_blocks(texts)
    blocks = [b for b in every_block if _alive(b, source, set(architecture.nodes))]
    rendered = render(architecture)
    base_files = render(baseline(architecture, source))
    base = entries(base_files)
    current = entries(rendered)
    merged = merge_named({b.key: b.body for b in blocks}, base, current)
    # Every block of the files is rewritten or taken out: those of a deleted node are in none of the three.
    files = {
        name: _rewritten(text, [b for b in every_block if b.file == name], merged)
        for name, text in texts.items()
    }
    # A block the design adds is written as the export writes it (its own layout), at the end of its file.
    written = {b.key: b for b in source_blocks({n: t for n, t in rendered.items() if n.endswith(".tf")})}
    known = {b.key for b in source_blocks(texts)}
    for key, body in merged.items():
        if key in known:
            continue
        target = _new_file(key, files)
        text = _text_of(written[key], rendered) if key in written and same(written[key].body, body) else None
        files[target] = files.get(target, "").rstrip("\n") + ("\n\n" if files.get(target) else "")
        files[target] += text or document([_block(json.loads(key), body)])
    if "main.tf" in files:
        files["main.tf"] = header_updated(
            files["main.tf"], base_files.get("main.tf", ""), rendered.get("main.tf", "")
        )
    return files


def _text_of(block: SourceBlock, texts: dict[str, str]) -> str:
    return "\n".join(texts[block.file].splitlines()[block.first - 1 : block.last]) + "\n"


def _source_texts(source: ImportedSource) -> dict[str, str]:
    files = source.template.get("files")
    return {str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else {}


def _alive(block: SourceBlock, source: ImportedSource, alive: set[str]) -> bool:
    """A resource or data source belonging to a node that is gone is not written back."""
    key = json.loads(block.key)
    if key[0] not in ("resource", "data"):
        return True
    address = ".".join(key[1:]) if key[0] == "resource" else "data." + ".".join(key[1:])
    owner = source.owners.get(address)
    return owner is None or owner in alive


def source_blocks(texts: dict[str, str]) -> list[SourceBlock]:
    """Every top-level block of the files with its lines, in file order."""
    import hcl2  # only for a design imported from Terraform: python-hcl2 and lark take 0.05 s to load

    found: list[SourceBlock] = []
    for name, text in texts.items():
        lines = text.splitlines()
        for child in hcl2.parses_to_tree(text).children[0].children:
            if getattr(child, "data", None) != "block":
                continue
            first, last = child.meta.line, child.meta.end_line
            parsed = hcl2.loads("\n".join(lines[first - 1 : last]) + "\n")
            for key, body in _entries_of(parsed):
                found.append(SourceBlock(name, first, last, key, body))
    return found


def entries(rendered: dict[str, str]) -> dict[Key, Any]:
    """The blocks of rendered files by identity."""
    import hcl2  # see source_blocks

    found: dict[Key, Any] = {}
    for name, text in rendered.items():
        if name.endswith(".tf"):
            found.update(dict(_entries_of(hcl2.loads(text))))
    return found


def _entries_of(data: dict[str, Any]) -> list[tuple[Key, Any]]:
    found = []
    for section, items in data.items():
        if section.startswith("__"):
            continue
        for item in items if isinstance(items, list) else []:
            found += [(json.dumps(key), body) for key, body in _items(section, item)]
    return found


def _items(section: str, item: dict[str, Any]) -> list[tuple[list[str], Any]]:
    if section in ("resource", "data"):
        return [
            ([section, _unquoted(kind), _unquoted(name)], body)
            for kind, named in item.items()
            for name, body in (named or {}).items()
        ]
    if section in ("locals", "terraform"):
        # Taken as one block: named by its first entry, as a file may hold several.
        first = next((k for k in item if not k.startswith("__")), "")
        return [([section, first], item)]
    if section == "provider":
        return [
            ([section, _unquoted(name), _unquoted(str(body.get("alias", "")))], body)
            for name, body in item.items()
        ]
    return [([section, _unquoted(name)], body) for name, body in item.items()]


def _rewritten(text: str, blocks: list[SourceBlock], merged: dict[Key, Any]) -> str:
    """The file's text with its changed blocks written again and its removed ones taken out."""
    lines = text.splitlines()
    for block in sorted(blocks, key=lambda b: b.first, reverse=True):
        if block.key not in merged:
            # The block goes with the blank line that parts it from the next one (or the one before, at the end).
            first, last = block.first - 1, block.last
            if last < len(lines) and not lines[last].strip():
                last += 1
            elif first > 0 and not lines[first - 1].strip():
                first -= 1
            del lines[first:last]
        elif not same(merged[block.key], block.body):
            replacement = document([_block(json.loads(block.key), merged[block.key])]).rstrip("\n")
            lines[block.first - 1 : block.last] = replacement.split("\n")
    return "\n".join(lines) + "\n"


def _new_file(key: Key, files: dict[str, str]) -> str:
    wanted = NEW_FILES.get(json.loads(key)[0], "main.tf")
    return wanted if wanted in files or not files else ("main.tf" if "main.tf" in files else wanted)


def _unquoted(text: str) -> str:
    return text[1:-1] if len(text) >= 2 and text[0] == text[-1] == '"' else text


def _block(key: list[str], body: Any) -> Block:
    section = key[0]
    if section in ("locals", "terraform"):
        return Block(section, (), _body(body))
    # A provider's alias is part of its identity here, not a label of its block.
    labels = (key[1],) if section == "provider" else tuple(key[1:])
    return Block(section, labels, _body(body))


def _body(body: Any) -> dict[str, Any]:
    if not isinstance(body, dict):
        return {}
    written: dict[str, Any] = {}
    for name, value in body.items():
        if name.startswith("__"):
            continue
        if isinstance(value, list) and value and all(_is_block(v) for v in value):
            written[_unquoted(name)] = [Block(_unquoted(name), (), _body(v)) for v in value]
        else:
            written[_unquoted(name)] = _value(value)
    return written


def _is_block(value: Any) -> bool:
    return isinstance(value, dict) and value.get("__is_block__") is True


def _value(value: Any) -> Any:
    """python-hcl2's form of a value as the writer's: literal text keeps its quotes (and interpolations),
    `${expr}` is the expression itself."""
    if isinstance(value, str):
        if value.startswith("${") and value.endswith("}"):
            return Expr(fmt_expression(value[2:-1]))
        return Expr(value)
    if isinstance(value, list):
        return [_value(v) for v in value]
    if isinstance(value, dict):
        return {_unquoted(k): _value(v) for k, v in value.items() if not k.startswith("__")}
    return value


def fmt_expression(text: str) -> str:
    """An expression as python-hcl2 writes it (`jsonencode({A = 1})`) spaced as terraform fmt lays it out
    (`jsonencode({ A = 1 })`): a space inside the braces of a one-line object, outside string literals."""
    out: list[str] = []
    in_string = False
    index = 0
    while index < len(text):
        char = text[index]
        if char == '"' and (index == 0 or text[index - 1] != "\\"):
            in_string = not in_string
        elif not in_string and char == "{" and index + 1 < len(text) and text[index + 1] not in "} ":
            out.append("{ ")
            index += 1
            continue
        elif not in_string and char == "}" and out and out[-1][-1:] not in ("{", " "):
            out.append(" }")
            index += 1
            continue
        out.append(char)
        index += 1
    return "".join(out)
