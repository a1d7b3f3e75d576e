"""Usage presets (resources/pricing/usage-presets.yaml) and the usage a node has in a scenario."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from archbuilder.model.nodes import ServiceNode
from archbuilder.model.usage import USAGE_FIELDS, DesignUsage, Scenario, Usage
from archbuilder.resource_files import resource_root

PRESETS_FILE = "usage-presets.yaml"
DEFAULT_HOURS = 730.0


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ServicePresets(_Strict):
    meaning: dict[str, str] = Field(default_factory=dict)
    low: Usage = Usage()
    expected: Usage = Usage()
    high: Usage = Usage()
    assumptions: dict[str, float] = Field(default_factory=dict)

    def for_scenario(self, scenario: Scenario) -> Usage:
        usage: Usage = getattr(self, scenario.value)
        return usage


class UsagePresets(_Strict):
    schema_: int = Field(alias="schema")
    defaults: Usage
    services: dict[str, ServicePresets]

    def of(self, type_id: str) -> ServicePresets:
        return self.services.get(type_id, _NO_PRESETS)


_NO_PRESETS = ServicePresets()


@dataclass(frozen=True, slots=True)
class ResolvedUsage:
    """The usage a node is estimated with: every field a number, and where each came from."""

    requests_per_month: float
    gb_stored: float
    gb_transferred: float
    hours_per_month: float
    origins: tuple[str, ...]  # per field: "node", "design", "preset" or "default"
    assumptions: dict[str, float]

    def value(self, field: str) -> float:
        number: float = getattr(self, field)
        return number


def parse_presets(text: str, origin: str = PRESETS_FILE) -> UsagePresets:
    try:
        return UsagePresets.model_validate(yaml.safe_load(text))
    except (yaml.YAMLError, ValidationError) as exc:
        raise ValueError(f"{origin}: {exc}") from None


@cache
def default_presets() -> UsagePresets:
    return parse_presets((resource_root() / "pricing" / PRESETS_FILE).read_text(encoding="utf-8"))


def resolve_usage(
    node: ServiceNode,
    scenario: Scenario,
    design: DesignUsage | None = None,
    presets: UsagePresets | None = None,
) -> ResolvedUsage:
    """Each field from the first that states it: the node, the design's presets, the shipped presets, defaults."""
    presets = presets or default_presets()
    return _resolve(
        node.usage.for_scenario(scenario) if node.usage is not None else None,
        node.type,
        scenario,
        design,
        presets,
    )


class UsageResolver:
    """resolve_usage for many nodes: nodes with no usage of their own share one answer per type."""

    def __init__(
        self, scenario: Scenario, design: DesignUsage | None, presets: UsagePresets | None = None
    ) -> None:
        self.scenario, self.design, self.presets = scenario, design, presets or default_presets()
        self._shared: dict[str, ResolvedUsage] = {}

    def __call__(self, node: ServiceNode) -> ResolvedUsage:
        own = node.usage.for_scenario(self.scenario) if node.usage is not None else None
        if own is not None:
            return _resolve(own, node.type, self.scenario, self.design, self.presets)
        shared = self._shared.get(node.type)
        if shared is None:
            shared = self._shared[node.type] = _resolve(
                None, node.type, self.scenario, self.design, self.presets
            )
        return shared


def _resolve(
    own: Usage | None, type_id: str, scenario: Scenario, design: DesignUsage | None, presets: UsagePresets
) -> ResolvedUsage:
    service_presets = presets.of(type_id)
    layers: list[tuple[str, Usage | None]] = [
        ("node", own),
        ("design", _design_layer(design, type_id, scenario)),
        ("preset", service_presets.for_scenario(scenario)),
        ("default", presets.defaults),
    ]
    values: dict[str, float] = {}
    origins: list[str] = []
    for field in USAGE_FIELDS:
        origin, value = "default", 0.0
        for name, layer in layers:
            stated = getattr(layer, field) if layer is not None else None
            if stated is not None:
                origin, value = name, float(stated)
                break
        values[field] = value
        origins.append(origin)
    return ResolvedUsage(**values, origins=tuple(origins), assumptions=service_presets.assumptions)


def _design_layer(design: DesignUsage | None, type_id: str, scenario: Scenario) -> Usage | None:
    if design is None:
        return None
    preset = design.presets.get(type_id)
    return preset.for_scenario(scenario) if preset is not None else None


def meaning(type_id: str, field: str) -> str:
    """What a usage field stands for with this service, for labels ("monthly active users")."""
    stated = default_presets().of(type_id).meaning.get(field)
    return stated or _GENERIC_MEANING[field]


_GENERIC_MEANING: dict[str, Any] = {
    "requests_per_month": "requests",
    "gb_stored": "GB stored",
    "gb_transferred": "GB sent out",
    "hours_per_month": "hours running",
}
