"""Document-level data: metadata, suppressions, per-document rule settings, imported template sections."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    field_validator,
    model_serializer,
)

from archbuilder.model.nodes import Name, NodeId, RegionNode
from archbuilder.model.text import NAME_SCHEMA, TEXT_SCHEMA, check_data_text, check_name, check_text

# Any JSON kept as it was written (imported template sections): every string in it is free text.
TextData = Annotated[dict[str, Any], AfterValidator(check_data_text)]


class Environment(StrEnum):
    PRODUCTION = "production"
    STAGING = "staging"
    DEVELOPMENT = "development"


class ExportDefaults(BaseModel):
    """What the CloudFormation and Terraform exports add to every design unless switched off here: the
    production defaults a reviewer expects of infrastructure code (each written in both formats)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    # Environment and Design tags on every resource (Terraform: the provider's default_tags).
    tags: bool = True
    # Application Load Balancers write access logs to a bucket (deletion protection is each balancer's own
    # property, on by default in the catalog).
    load_balancer_access_logs: bool = True
    # Each VPC's flow logs to a log group of its own.
    vpc_flow_logs: bool = True
    # Every bucket refuses requests that do not use TLS (aws:SecureTransport).
    s3_tls_only: bool = True
    # Databases keep Performance Insights and send their logs to CloudWatch Logs.
    database_monitoring: bool = True
    # Functions are traced with X-Ray, log to a group with a retention, and send failed events to a queue.
    function_tracing: bool = True
    function_dead_letter_queue: bool = True
    log_retention_days: int = Field(default=30, ge=1, le=3653)
    # main.tf names a state backend, commented, with how to give its settings at init.
    terraform_backend_example: bool = True


class Metadata(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    name: Name = "Untitled architecture"
    description: Annotated[
        str, Field(max_length=10_000, json_schema_extra=TEXT_SCHEMA), BeforeValidator(check_text)
    ] = ""
    default_region: str = "us-east-1"
    environment: Environment = Environment.PRODUCTION
    # The user's say-so that exports may write the secrets the design holds in clear (importers/secrets.py).
    allow_secrets_in_exports: bool = False
    # View › Collapse AZ copies: each multi-AZ service drawn once, "×N AZs" beside its name, on the canvas and in
    # the PNG, SVG and draw.io exports (drawing/diagram.py).
    collapse_az_copies: bool = False
    # The production defaults the infrastructure exports add (all on unless a design switches one off).
    export_defaults: ExportDefaults = ExportDefaults()

    @model_serializer(mode="wrap")
    def _without_unset_additions(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        """Fields added after the format's first release are written only when set, so a document that does
        not use them saves to the same bytes as before."""
        data: dict[str, Any] = handler(self)
        if not self.allow_secrets_in_exports:
            data.pop("allow_secrets_in_exports", None)
        if not self.collapse_az_copies:
            data.pop("collapse_az_copies", None)
        if self.export_defaults == ExportDefaults():
            data.pop("export_defaults", None)
        else:  # only the switches the design changed
            data["export_defaults"] = self.export_defaults.model_dump(exclude_defaults=True)
        return data

    @field_validator("default_region")
    @classmethod
    def _region(cls, value: str) -> str:
        RegionNode(id="check", label="check", region=value)
        return value


class Suppression(BaseModel):
    """A finding the team has accepted: which rule, on which nodes, and why."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rule_id: Annotated[
        str, Field(min_length=1, max_length=200, json_schema_extra=NAME_SCHEMA), BeforeValidator(check_name)
    ]
    node_ids: tuple[NodeId, ...] = ()
    reason: Annotated[
        str, Field(min_length=3, max_length=2000, json_schema_extra=TEXT_SCHEMA), BeforeValidator(check_text)
    ]

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

    parameters: TextData = Field(default_factory=dict)
    mappings: TextData = Field(default_factory=dict)
    conditions: TextData = Field(default_factory=dict)
    outputs: TextData = Field(default_factory=dict)
