"""Document-level data: metadata, suppressions, per-document rule settings, imported template sections."""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from archbuilder.model.nodes import NodeId, RegionNode


class Environment(StrEnum):
    PRODUCTION = "production"
    STAGING = "staging"
    DEVELOPMENT = "development"


class Metadata(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    name: str = Field(default="Untitled architecture", max_length=200)
    description: str = Field(default="", max_length=10_000)
    default_region: str = "us-east-1"
    environment: Environment = Environment.PRODUCTION

    @field_validator("default_region")
    @classmethod
    def _region(cls, value: str) -> str:
        RegionNode(id="check", label="check", region=value)
        return value


class Suppression(BaseModel):
    """A finding the team has accepted: which rule, on which nodes, and why."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rule_id: str = Field(min_length=1)
    node_ids: tuple[NodeId, ...] = ()
    reason: str = Field(min_length=3, max_length=2000)

    @field_validator("reason")
    @classmethod
    def _reason(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("a suppression needs a reason")
        return value


Severity = Literal["error", "warning", "info"]


class RuleSetting(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    enabled: bool = True
    severity: Severity | None = None


class TemplateSections(BaseModel):
    """CloudFormation sections kept from an import and written back on export."""

    model_config = ConfigDict(extra="forbid")

    parameters: dict[str, Any] = Field(default_factory=dict)
    mappings: dict[str, Any] = Field(default_factory=dict)
    conditions: dict[str, Any] = Field(default_factory=dict)
    outputs: dict[str, Any] = Field(default_factory=dict)
