"""Reads the catalog YAML files and validates every entry against the schema (the shipped catalog through its
index, archbuilder.catalog.index)."""

from __future__ import annotations

from importlib.resources.abc import Traversable
from typing import Any

from pydantic import ValidationError

from archbuilder.catalog.index import CatalogFiles, load_indexed
from archbuilder.catalog.service_type import ServiceType
from archbuilder.resource_files import catalog_dir


class CatalogError(ValueError):
    """A catalog file or entry is broken; the message names the file and the entry."""


def _describe(error: ValidationError) -> str:
    parts = []
    for item in error.errors():
        where = ".".join(str(piece) for piece in item["loc"]) or "entry"
        parts.append(f"{where}: {item['msg']}")
    return "; ".join(parts)


def load_entries(folder: Traversable | None = None) -> list[ServiceType]:
    """The entries of the catalog in `folder` (the shipped catalog, through its index, when None)."""
    files = _read(folder or catalog_dir())
    return load_indexed(files, parse_entries) if folder is None else parse_entries(files)


def _read(folder: Traversable) -> list[tuple[str, bytes]]:
    entries = sorted((e for e in folder.iterdir() if e.name.endswith(".yaml")), key=lambda e: e.name)
    return [(entry.name, entry.read_bytes()) for entry in entries]


def parse_entries(files: CatalogFiles) -> list[ServiceType]:
    """Parse and validate catalog files; a broken file or entry is named in the error."""
    import yaml  # only here: a start-up with a sound index reads no YAML

    services: list[ServiceType] = []
    seen: dict[str, str] = {}
    for name, data in files:
        try:
            loaded: Any = yaml.load(data.decode("utf-8"), Loader=_safe_loader(yaml))
        except yaml.YAMLError as exc:
            raise CatalogError(f"catalog file {name}: invalid YAML: {exc}") from exc
        if not isinstance(loaded, list):
            raise CatalogError(f"catalog file {name}: expected a list of services")
        for index, raw in enumerate(loaded):
            entry_id = raw.get("id", f"#{index + 1}") if isinstance(raw, dict) else f"#{index + 1}"
            try:
                service = ServiceType.model_validate(raw)
            except ValidationError as exc:
                raise CatalogError(f"catalog file {name}, entry {entry_id}: {_describe(exc)}") from exc
            if service.id in seen:
                raise CatalogError(
                    f"catalog file {name}, entry {service.id}: id already defined in {seen[service.id]}"
                )
            seen[service.id] = name
            services.append(service)
    if not services:
        raise CatalogError("the catalog is empty")
    return services


def _safe_loader(yaml: Any) -> Any:
    """libyaml's safe loader where it is installed (ten times faster), else the pure-Python one."""
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)
