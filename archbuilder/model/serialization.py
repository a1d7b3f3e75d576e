"""The `*.arch.json` document format: versioned, deterministic, strictly parsed, atomically saved."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from archbuilder.catalog import Catalog
from archbuilder.fileio import FileError, limit_text, read_regular_file, size_text, write_atomic
from archbuilder.gc_pause import cyclic_gc_paused
from archbuilder.model.annotations import Annotation
from archbuilder.model.architecture import Architecture
from archbuilder.model.bends import relative_bends
from archbuilder.model.connections import Connection
from archbuilder.model.containment import InvariantError
from archbuilder.model.document import Metadata, RuleSetting, Suppression, TemplateSections
from archbuilder.model.imported import ImportedSource
from archbuilder.model.nodes import AnyNode, Node, ServiceNode
from archbuilder.model.text import long_number_place
from archbuilder.model.usage import DesignUsage, prune_usage

SCHEMA_VERSION = 1
# The most a design may be, as archbuilder saves it: a file over it is not opened, a design that would save over
# it is neither opened nor saved (nor imported), so that every design the app holds saves to a file it opens.
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_NESTING = 64

# Migrations turn a document of version N into version N + 1, as plain JSON data.
Migration = Callable[[dict[str, Any]], dict[str, Any]]
MIGRATIONS: dict[int, Migration] = {}


class DocumentError(ValueError):
    """A document cannot be read or written; the message names the file and the place."""


class DocumentFile(BaseModel):
    """The exact shape of a `*.arch.json` file (the committed JSON Schema is generated from it)."""

    model_config = ConfigDict(extra="forbid", title="archbuilder document")

    schema_version: int = Field(ge=1)
    metadata: Metadata
    nodes: list[Node] = Field(default_factory=list)
    connections: list[Connection] = Field(default_factory=list)
    suppressions: list[Suppression] = Field(default_factory=list)
    rule_settings: dict[str, RuleSetting] = Field(default_factory=dict)
    template: TemplateSections = Field(default_factory=TemplateSections)
    # Notes, callouts and actors (annotations.py); absent when there are none.
    annotations: list[Annotation] = Field(default_factory=list)
    # The design's own usage presets for cost estimates; absent unless the design sets some.
    usage: DesignUsage | None = None
    # The template an imported design came from (imported.py); absent for designs drawn from scratch.
    imported: ImportedSource | None = None


# ---------------------------------------------------------------------- writing


def to_data(architecture: Architecture) -> dict[str, Any]:
    """The document as JSON data; `schema_version` first, everything else in sorted order."""
    document = DocumentFile(
        schema_version=SCHEMA_VERSION,
        metadata=architecture.metadata,
        nodes=sorted(architecture.nodes.values(), key=lambda n: n.id),
        connections=sorted(architecture.connections.values(), key=lambda c: c.id),
        suppressions=sorted(architecture.suppressions, key=lambda s: (s.rule_id, s.node_ids, s.reason)),
        rule_settings=dict(sorted(architecture.rule_settings.items())),
        template=architecture.template,
        usage=None if architecture.design_usage.is_empty() else architecture.design_usage,
        imported=architecture.imported,
        annotations=sorted(architecture.annotations.items.values(), key=lambda a: a.id),
    )
    data = document.model_dump(mode="json")
    if not data.get("annotations"):
        data.pop("annotations", None)
    _drop_unset_usage(data)
    if data.get("imported") is None:
        data.pop("imported", None)
    return {"schema_version": data.pop("schema_version"), **_sorted(data)}


def _drop_unset_usage(data: dict[str, Any]) -> None:
    """Usage is written only where a design sets it, so a document without usage keeps its bytes."""
    if data.get("usage") is None:
        data.pop("usage", None)
    else:
        data["usage"] = prune_usage(data["usage"])
    for node in data["nodes"]:
        if node.get("kind") in ("vpc", "subnet") and node.get("existing") is None:
            node.pop("existing", None)  # written only for a network the design takes as it is
        if node.get("kind") == "service":
            usage = prune_usage(node.pop("usage") or {})
            if usage:
                node["usage"] = usage


def dumps(architecture: Architecture) -> str:
    data = to_data(architecture)
    version = data.pop("schema_version")
    body = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False, allow_nan=False)
    # schema_version goes first so a reader sees the format before anything else.
    return '{\n  "schema_version": ' + str(version) + (",\n" + body[2:] if data else "\n}") + "\n"


def save(architecture: Architecture, path: str | os.PathLike[str]) -> None:
    """Write atomically (archbuilder.fileio.write_atomic): the previous file survives any failure. A design
    over the limit is not written (the file would not open again); the previous file stays as it was."""
    target = Path(path)
    payload = dumps(architecture).encode("utf-8")
    too_big = size_error(len(payload))
    if too_big:
        raise DocumentError(f"{target}: the design would be {too_big}; nothing was written")
    try:
        write_atomic(target, payload)
    except FileError as exc:
        raise DocumentError(str(exc)) from None


def size_error(saved_bytes: int) -> str | None:
    """Why a design that saves to `saved_bytes` cannot be kept, or None."""
    if saved_bytes <= MAX_FILE_BYTES:
        return None
    return f"{size_text(saved_bytes)} saved, over the {limit_text(MAX_FILE_BYTES)} limit of a design"


def saved_size_error(architecture: Architecture) -> str | None:
    """Why `architecture` cannot be kept (it saves over the limit), or None."""
    return size_error(len(dumps(architecture).encode("utf-8")))


# ---------------------------------------------------------------------- reading


def load(path: str | os.PathLike[str], catalog: Catalog | None = None) -> Architecture:
    source = Path(path)
    try:
        raw = read_regular_file(source, MAX_FILE_BYTES)
    except FileError as exc:
        raise DocumentError(str(exc)) from None
    architecture = loads(raw, str(source), catalog)
    # A file written by hand or by another tool (no indentation, settings left to their defaults) can hold under
    # the limit a design that saves over it: it is refused here, not when it is saved.
    too_big = saved_size_error(architecture)
    if too_big:
        raise DocumentError(
            f"{source}: the design would be {too_big} (the file holds it in {size_text(len(raw))})"
        )
    return architecture


def loads(raw: bytes | str, source: str = "<document>", catalog: Catalog | None = None) -> Architecture:
    if isinstance(raw, str):
        raw = raw.encode("utf-8")
    if len(raw) > MAX_FILE_BYTES:
        raise DocumentError(f"{source}: document is over the {MAX_FILE_BYTES // (1024 * 1024)} MB limit")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DocumentError(f"{source}: not UTF-8 text (byte {exc.start})") from None
    with cyclic_gc_paused():
        return _load_text(text, source, catalog)


def _load_text(text: str, source: str, catalog: Catalog | None) -> Architecture:
    data = _parse_json(text, source)
    data = migrate(data, source)
    try:
        document = DocumentFile.model_validate(data)
    except ValidationError as exc:
        raise DocumentError(f"{source}: {_describe(exc, data)}") from None
    return _build(document, source, catalog)


def _parse_json(text: str, source: str) -> dict[str, Any]:
    # Too deep a nesting is reported before anything else. Measuring it on the parsed data is ~15x faster than
    # scanning the text, so the text is scanned only when parsing fails (a deep document may fail by recursion)
    # or the data turns out too deep (to name the exact depth).
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constants)
    except (json.JSONDecodeError, RecursionError, _DuplicateKey, _BadConstant) as exc:
        _check_depth(_max_depth(text), source)
        if isinstance(exc, json.JSONDecodeError):
            raise DocumentError(f"{source}: line {exc.lineno} column {exc.colno}: {exc.msg}") from None
        if isinstance(exc, RecursionError):  # only past the interpreter's limit, far beyond MAX_NESTING
            raise DocumentError(f"{source}: nested too deep") from None
        if isinstance(exc, _DuplicateKey):
            raise DocumentError(f"{source}: duplicate key {exc.args[0]!r} in one object") from None
        raise DocumentError(
            f"{source}: {exc.args[0]} is not allowed in a document (only finite numbers)"
        ) from None
    except ValueError:  # Python refuses to convert a whole number of more than 4,300 digits
        raise DocumentError(f"{source}: {long_number_place(text)}") from None
    if isinstance(data, dict | list) and _data_depth(data, 1) > MAX_NESTING:
        _check_depth(_max_depth(text), source)
    if not isinstance(data, dict):
        raise DocumentError(f"{source}: the document must be a JSON object, not {type(data).__name__}")
    return data


def migrate(data: dict[str, Any], source: str = "<document>") -> dict[str, Any]:
    version = data.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise DocumentError(f"{source}: schema_version is missing or not a whole number")
    if version > SCHEMA_VERSION:
        raise DocumentError(
            f"{source}: schema_version {version} is newer than this archbuilder understands "
            f"({SCHEMA_VERSION}); update archbuilder to open it"
        )
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise DocumentError(f"{source}: schema_version {version} is not supported (no migration)")
        data = step(dict(data))
        version += 1
        data["schema_version"] = version
    return data


def build_document(document: DocumentFile, source: str, catalog: Catalog | None = None) -> Architecture:
    """The architecture a document's data describes, checked as a loaded file is (DocumentError otherwise)."""
    return _build(document, source, catalog)


def _build(document: DocumentFile, source: str, catalog: Catalog | None) -> Architecture:
    architecture = Architecture(catalog=catalog, metadata=document.metadata)
    # Nothing listens to an architecture being loaded; blocked events skip ~4 µs of dispatch per node.
    with architecture.events.blocked():
        _fill(architecture, document, source)
    return architecture


def _fill(architecture: Architecture, document: DocumentFile, source: str) -> None:
    by_id: dict[str, AnyNode] = {}
    for index, node in enumerate(document.nodes):
        if node.id in by_id:
            raise DocumentError(f"{source}: nodes[{index}]: id {node.id!r} appears twice")
        by_id[node.id] = node
    for node in _parents_first(by_id, source):
        # Extra subnets can name subnets that come later; they are checked once every node exists.
        try:
            architecture._insert_node(node, with_extra_subnets=False)
        except (InvariantError, KeyError) as exc:
            raise DocumentError(f"{source}: node {node.id!r}: {_message(exc)}") from None
    for node in document.nodes:
        if isinstance(node, ServiceNode) and node.extra_subnet_ids:
            try:
                architecture._check_loaded_extra_subnets(node)
            except InvariantError as exc:
                raise DocumentError(f"{source}: node {node.id!r} › extra_subnet_ids: {exc}") from None
    for connection in document.connections:
        try:
            architecture.add_connection(_with_relative_bends(architecture, connection))
        except InvariantError as exc:
            raise DocumentError(f"{source}: connection {connection.id!r}: {exc}") from None
    architecture._load_sections(document.suppressions, document.rule_settings)
    architecture.template = document.template
    if document.usage is not None:
        architecture.design_usage = document.usage
    architecture.imported = document.imported
    for annotation in document.annotations:
        try:
            if architecture.is_taken(annotation.id):
                raise InvariantError("the id is a node's or a connection's too")
            architecture.annotations.add(annotation)
        except InvariantError as exc:
            raise DocumentError(f"{source}: annotation {annotation.id!r}: {exc}") from None


def _with_relative_bends(architecture: Architecture, connection: Connection) -> Connection:
    """A connection as documents wrote it before bends moved with their container (`waypoints`, in scene
    coordinates), with its bends relative to their container as they are kept now."""
    if not connection.waypoints:
        return connection
    if connection.bends:
        raise InvariantError("it has both bends and waypoints (the older form of bends); keep one")
    for end in (connection.source_id, connection.target_id):
        architecture.node(end)  # a missing end is named as such
    bends = relative_bends(architecture, connection.source_id, connection.target_id, connection.waypoints)
    return connection.model_copy(update={"bends": bends, "waypoints": ()})


def _parents_first(by_id: dict[str, AnyNode], source: str) -> list[AnyNode]:
    ordered: list[AnyNode] = []
    placed: set[str] = set()
    visiting: set[str] = set()

    def visit(node: AnyNode) -> None:
        if node.id in placed:
            return
        if node.id in visiting:
            raise DocumentError(f"{source}: node {node.id!r} is inside itself (parent cycle)")
        visiting.add(node.id)
        if node.parent_id is not None:
            if node.parent_id not in by_id:
                raise DocumentError(f"{source}: node {node.id!r}: parent {node.parent_id!r} does not exist")
            visit(by_id[node.parent_id])
        visiting.discard(node.id)
        placed.add(node.id)
        ordered.append(node)

    for node in sorted(by_id.values(), key=lambda n: n.id):
        visit(node)
    return ordered


def _message(exc: BaseException) -> str:
    return str(exc) if not isinstance(exc, KeyError) else f"unknown service type {exc.args[0]!r}"


def _describe(exc: ValidationError, data: dict[str, Any]) -> str:
    parts = []
    for error in exc.errors()[:5]:
        location = list(error["loc"])
        where: list[str] = []
        container: Any = data
        for index, piece in enumerate(location):
            if isinstance(piece, int) and isinstance(container, list) and piece < len(container):
                item = container[piece]
                ident = item.get("id") if isinstance(item, dict) else None
                where[-1] = f"{where[-1]}[{piece}]" + (f" (id {ident!r})" if ident else "")
                container = item
                continue
            # Discriminated unions add the tag (e.g. 'vpc') to the location; it is not a key of the data.
            if isinstance(container, dict) and piece not in container and index < len(location) - 1:
                continue
            where.append(str(piece))
            container = container.get(piece) if isinstance(container, dict) else None
        message = str(error["msg"]).removeprefix("Value error, ")
        parts.append(f"{' › '.join(where) or 'document'}: {message}")
    more = len(exc.errors()) - 5
    return "; ".join(parts) + (f"; and {more} more" if more > 0 else "")


def _sorted(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _sorted(value[key]) for key in sorted(value)}
    if isinstance(value, list):
        return [_sorted(item) for item in value]
    return value


def _check_depth(depth: int, source: str) -> None:
    if depth > MAX_NESTING:
        raise DocumentError(f"{source}: nested {depth} levels deep, over the limit of {MAX_NESTING}")


def _data_depth(value: dict[str, Any] | list[Any], level: int) -> int:
    """Nesting depth of parsed JSON data (`level` is the depth of `value`), the same count `_max_depth` makes on
    the text. The walk stops one level past MAX_NESTING, so it never recurses deeper than that."""
    if level > MAX_NESTING:
        return level
    deepest = level
    items: Any = value.values() if type(value) is dict else value
    for item in items:
        kind = type(item)
        if kind is dict or kind is list:
            depth = _data_depth(item, level + 1)
            if depth > deepest:
                deepest = depth
    return deepest


_STRING_OR_BRACKET = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _max_depth(text: str) -> int:
    """Deepest bracket nesting outside strings; the regex skips whole strings, so this stays fast on big files."""
    depth = deepest = 0
    for match in _STRING_OR_BRACKET.finditer(text):
        char = match.group()
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


class _DuplicateKey(ValueError):
    pass


class _BadConstant(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)  # in C; only a short dict means a key came twice
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return result


def _no_constants(name: str) -> Any:
    raise _BadConstant(name)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the document file, as committed in resources/schema/."""
    schema = DocumentFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://archbuilder.dev/schema/arch-document-v1.json"
    return schema
