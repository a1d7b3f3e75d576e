"""Usage assumptions a design states for cost estimates: per node and per service type, per scenario."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Scenario(StrEnum):
    LOW = "low"
    EXPECTED = "expected"
    HIGH = "high"


# A month of 730 hours is AWS's own convention for monthly figures; 744 is the longest month.
MAX_HOURS_PER_MONTH = 744.0

USAGE_FIELDS = ("requests_per_month", "gb_stored", "gb_transferred", "hours_per_month")


class Usage(BaseModel):
    """How much a service is used in a month; a field left unset falls back to the preset."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    requests_per_month: float | None = Field(default=None, ge=0, allow_inf_nan=False)
    gb_stored: float | None = Field(default=None, ge=0, allow_inf_nan=False)
    gb_transferred: float | None = Field(default=None, ge=0, allow_inf_nan=False)
    hours_per_month: float | None = Field(default=None, ge=0, le=MAX_HOURS_PER_MONTH, allow_inf_nan=False)

    def is_empty(self) -> bool:
        return all(getattr(self, name) is None for name in USAGE_FIELDS)


class ScenarioUsage(BaseModel):
    """Usage written for each scenario; a scenario left unset takes the presets."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    low: Usage | None = None
    expected: Usage | None = None
    high: Usage | None = None

    def for_scenario(self, scenario: Scenario) -> Usage | None:
        usage: Usage | None = getattr(self, scenario.value)
        return usage

    def with_usage(self, scenario: Scenario, usage: Usage | None) -> ScenarioUsage:
        return self.model_copy(update={scenario.value: None if usage is None or usage.is_empty() else usage})

    def is_empty(self) -> bool:
        return all(self.for_scenario(scenario) is None for scenario in Scenario)


class DesignUsage(BaseModel):
    """This design's own presets per service type, over the shipped ones."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    presets: dict[str, ScenarioUsage] = Field(default_factory=dict)

    def is_empty(self) -> bool:
        return not any(not preset.is_empty() for preset in self.presets.values())


def prune_usage(data: dict[str, Any]) -> dict[str, Any]:
    """Usage as written in a document: unset fields and scenarios are left out, so files stay small and stable."""
    pruned: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            value = prune_usage(value)
            if value:
                pruned[key] = value
        elif value is not None:
            pruned[key] = value
    return pruned
