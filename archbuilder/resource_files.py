"""Finds the shipped data (catalog, examples, schema) in a checkout and in an installed wheel."""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable


def resource_root() -> Traversable:
    """The `resources/` folder, mapped as the package `archbuilder.resources`."""
    return resources.files("archbuilder.resources")


def catalog_dir() -> Traversable:
    return resource_root() / "catalog"


def examples_dir() -> Traversable:
    return resource_root() / "examples"


def example_names() -> list[str]:
    """Bundled example names, e.g. `three-tier-web`, sorted."""
    suffix = ".arch.json"
    return sorted(
        entry.name[: -len(suffix)] for entry in examples_dir().iterdir() if entry.name.endswith(suffix)
    )


def example_path(name: str) -> Traversable:
    return examples_dir() / f"{name}.arch.json"
