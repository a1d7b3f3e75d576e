"""Imports a domain's rule modules from the names its index lists."""

from __future__ import annotations

import importlib
from types import ModuleType


def load_modules(*names: str) -> tuple[ModuleType, ...]:
    return tuple(importlib.import_module(f"archbuilder.validation.rules.{name}") for name in names)
