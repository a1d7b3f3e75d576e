"""The things on the canvas: containers (region, VPC, AZ, subnet) and service nodes."""

from __future__ import annotations

import ipaddress
import re
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

from archbuilder.model.frozen import FrozenDict, FrozenList
from archbuilder.model.ids import ID_PATTERN
from archbuilder.model.text import NAME_SCHEMA, check_data_text, check_name
from archbuilder.model.usage import ScenarioUsage

NodeId = Annotated[str, Field(pattern=ID_PATTERN)]
JsonValue = Any
# A label: one line of visible text (model/text.py says why).
Name = Annotated[str, Field(max_length=200, json_schema_extra=NAME_SCHEMA), BeforeValidator(check_name)]

# \Z, not $: `$` also matches before a final newline, which would let "us-east-1\n" through.
_REGION = re.compile(r"^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d\Z")
_ZONE = re.compile(r"^([a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d)([a-z])\Z")

# Canvas sizes in scene units. Containers store their size; services have a fixed footprint.
SERVICE_WIDTH = 96.0
SERVICE_HEIGHT = 84.0


class NodeKind(StrEnum):
    REGION = "region"
    VPC = "vpc"
    AZ = "az"
    SUBNET = "subnet"
    SERVICE = "service"


class SubnetTier(StrEnum):
    PUBLIC = "public"
    PRIVATE = "private"


class _Node(BaseModel):
    # Immutable: the Architecture swaps in a changed copy (see archbuilder.model.architecture).
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: NodeId
    label: Name
    parent_id: NodeId | None = None
    # Position of the top-left corner relative to the parent container (or the canvas for roots).
    x: float = Field(default=0.0, allow_inf_nan=False)
    y: float = Field(default=0.0, allow_inf_nan=False)
    # Kept where it is by the automatic layout (Tools › Arrange, `archbuilder layout`).
    pinned: bool = False

    @model_serializer(mode="wrap")
    def _without_unset_additions(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        """Fields added after the format's first release are written only when set, so a document that does
        not use them saves to the same bytes as before."""
        data: dict[str, Any] = handler(self)
        if not self.pinned:
            data.pop("pinned", None)
        return data


class _Container(_Node):
    width: float = Field(default=400.0, gt=0, allow_inf_nan=False)
    height: float = Field(default=300.0, gt=0, allow_inf_nan=False)


class RegionNode(_Container):
    kind: Literal["region"] = "region"
    region: str = "us-east-1"

    @field_validator("region")
    @classmethod
    def _region(cls, value: str) -> str:
        if not _REGION.match(value):
            raise ValueError(f"{value!r} is not an AWS region name such as us-east-1")
        return value


class ExistingNetwork(BaseModel):
    """A VPC or subnet the design does not create: an imported template takes it as a parameter (an item of a
    list parameter), a literal id or an import. The export refers to it the same way and creates nothing."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    parameter: str = Field(default="", max_length=255)
    index: int | None = Field(default=None, ge=0)
    value: JsonValue = None  # a literal id or an expression (Fn::ImportValue) when there is no parameter


class VpcNode(_Container):
    kind: Literal["vpc"] = "vpc"
    cidr: str = "10.0.0.0/16"
    existing: ExistingNetwork | None = None

    @field_validator("cidr")
    @classmethod
    def _cidr(cls, value: str) -> str:
        return _ipv4_network(value)


class AvailabilityZoneNode(_Container):
    kind: Literal["az"] = "az"
    zone: str = "us-east-1a"

    @field_validator("zone")
    @classmethod
    def _zone(cls, value: str) -> str:
        if not _ZONE.match(value):
            raise ValueError(f"{value!r} is not an availability zone name such as us-east-1a")
        return value

    @property
    def region(self) -> str:
        match = _ZONE.match(self.zone)
        assert match
        return match.group(1)


class SubnetNode(_Container):
    kind: Literal["subnet"] = "subnet"
    cidr: str = "10.0.0.0/24"
    tier: SubnetTier = SubnetTier.PRIVATE
    existing: ExistingNetwork | None = None

    @field_validator("cidr")
    @classmethod
    def _cidr(cls, value: str) -> str:
        return _ipv4_network(value)


class ServiceNode(_Node):
    kind: Literal["service"] = "service"
    type: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    properties: Annotated[
        dict[str, JsonValue], AfterValidator(check_data_text), AfterValidator(FrozenDict)
    ] = Field(default_factory=FrozenDict)
    # Subnets beyond the parent that a multi-subnet service spans (ALB, ASG, RDS subnet group...).
    extra_subnet_ids: Annotated[list[NodeId], AfterValidator(FrozenList)] = Field(default_factory=FrozenList)
    # Usage assumptions for cost estimates; None (the default) is left out of the file, so older documents keep
    # their bytes.
    usage: ScenarioUsage | None = None


ContainerNode = RegionNode | VpcNode | AvailabilityZoneNode | SubnetNode
Node = Annotated[
    RegionNode | VpcNode | AvailabilityZoneNode | SubnetNode | ServiceNode, Field(discriminator="kind")
]
AnyNode = RegionNode | VpcNode | AvailabilityZoneNode | SubnetNode | ServiceNode


def _ipv4_network(value: str) -> str:
    try:
        network = ipaddress.IPv4Network(value, strict=True)
    except ValueError as exc:
        raise ValueError(f"{value!r} is not an IPv4 CIDR block ({exc})") from None
    return str(network)
