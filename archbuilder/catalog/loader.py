"""Reads the catalog YAML files and validates every entry against the schema."""

from __future__ import annotations

from importlib.resources.abc import Traversable
from typing import Any

import yaml
from pydantic import ValidationError

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
    folder = folder or catalog_dir()
    files = sorted(
        (entry for entry in folder.iterdir() if entry.name.endswith(".yaml")), key=lambda e: e.name
    )
    services: list[ServiceType] = []
    seen: dict[str, str] = {}
    for file in files:
        try:
            data: Any = yaml.safe_load(file.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            raise CatalogError(f"catalog file {file.name}: invalid YAML: {exc}") from exc
        if not isinstance(data, list):
            raise CatalogError(f"catalog file {file.name}: expected a list of services")
        for index, raw in enumerate(data):
            entry_id = raw.get("id", f"#{index + 1}") if isinstance(raw, dict) else f"#{index + 1}"
            try:
                service = ServiceType.model_validate(raw)
            except ValidationError as exc:
                raise CatalogError(f"catalog file {file.name}, entry {entry_id}: {_describe(exc)}") from exc
            if service.id in seen:
                raise CatalogError(
                    f"catalog file {file.name}, entry {service.id}: id already defined in {seen[service.id]}"
                )
            seen[service.id] = file.name
            services.append(service)
    if not services:
        raise CatalogError("the catalog is empty")
    return services
