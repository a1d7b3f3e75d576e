"""The schema every catalog entry is validated against when the catalog loads."""

from __future__ import annotations

import ipaddress
import re
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from archbuilder.catalog.guides import SEED_FILES, citation_title, citation_url

_ID = re.compile(r"^[a-z][a-z0-9_]*\Z")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Citation(Strict):
    """A passage of one of the guides: the seed file and the section heading it sits under."""

    seed: str
    section: str = Field(min_length=3)

    @field_validator("seed")
    @classmethod
    def _known_seed(cls, value: str) -> str:
        if value not in SEED_FILES:
            raise ValueError(f"unknown seed file {value!r}; expected one of {', '.join(SEED_FILES)}")
        return value

    @property
    def title(self) -> str:
        """The guide's title and the section, as people read it."""
        return citation_title(self.seed, self.section)

    @property
    def url(self) -> str | None:
        """The guide's public source at this section, where one exists."""
        return citation_url(self.seed, self.section)

    def to_json(self) -> dict[str, str | None]:
        """The seed file and section (machine-readable), with what people read and follow."""
        return {"seed": self.seed, "section": self.section, "title": self.title, "url": self.url}

    def __str__(self) -> str:
        return self.title


class Category(StrEnum):
    COMPUTE = "compute"
    CONTAINERS = "containers"
    STORAGE = "storage"
    DATABASE = "database"
    NETWORKING = "networking"
    CONTENT_DELIVERY = "content_delivery"
    INTEGRATION = "integration"
    ANALYTICS = "analytics"
    SECURITY = "security"
    MANAGEMENT = "management"
    DEVELOPER_TOOLS = "developer_tools"
    MACHINE_LEARNING = "machine_learning"
    OTHER = "other"


class Placement(StrEnum):
    """Where a service lives; decides which containers may hold it."""

    GLOBAL = "global"  # outside any region (CloudFront, Route 53, IAM)
    REGIONAL = "regional"  # in a region, never in a VPC (S3, DynamoDB, SQS)
    REGIONAL_VPC_OPTIONAL = "regional_vpc_optional"  # in a region, or attached to subnets (Lambda)
    VPC = "vpc"  # in one VPC, outside subnets (internet gateway, security group)
    SUBNET = "subnet"  # in exactly one subnet (EC2 instance, NAT gateway)
    MULTI_SUBNET = "multi_subnet"  # in one subnet plus extra subnets of the same VPC (ALB, RDS, ASG)
    ANYWHERE = "anywhere"  # generic imported resources the catalog has no entry for


class ServiceRole(StrEnum):
    """What a service does in a design, for the rules that reason about kinds of services rather than types."""

    SERVER = "server"  # runs application code on instances or containers placed in subnets
    ORCHESTRATOR = "orchestrator"  # a container cluster's control plane
    REQUEST_HANDLER = "request_handler"  # compute that answers requests a front door sends it
    SCALING = "scaling"  # a tier that adds and removes copies behind a load balancer
    REPLICATED = "replicated"  # keeps several copies running, each a separate load balancer target
    SELF_HEALING = "self_healing"  # replaces what fails by itself, so it is no single point of failure
    LOAD_BALANCER = "load_balancer"  # an Elastic Load Balancing load balancer
    FORWARDER = "forwarder"  # passes a request on unchanged to what stands behind it
    PUBLIC_ENDPOINT = "public_endpoint"  # a global or regional endpoint the internet reaches without a VPC
    FRONT_DOOR = "front_door"  # where users' requests enter the design


class ParentKind(StrEnum):
    """What a node can sit in. `root` is the canvas itself, outside every region."""

    ROOT = "root"
    REGION = "region"
    VPC = "vpc"
    AZ = "az"
    PUBLIC_SUBNET = "public_subnet"
    PRIVATE_SUBNET = "private_subnet"


class ConnectionKind(StrEnum):
    """What a drawn connection means; direction is initiator -> receiver."""

    TRAFFIC = "traffic"  # network flow with protocol and port
    ROUTE = "route"  # subnet/route table -> gateway, NAT, endpoint
    INVOKE = "invoke"  # synchronous API or function call
    EVENT = "event"  # the source pushes events/notifications to the target
    POLL = "poll"  # the target polls the source (event source mapping)
    SUBSCRIBE = "subscribe"  # SNS topic -> subscriber
    READ = "read"  # source reads data from the target
    WRITE = "write"  # source writes data to the target
    READ_WRITE = "read_write"
    REPLICATE = "replicate"  # data copy between stores
    ATTACH = "attach"  # certificate, WAF ACL, KMS key, EIP, volume attached to the target
    LOGS = "logs"  # logs/metrics/traces delivered to a sink
    DEPLOY = "deploy"  # CI/CD acts on the target
    ORIGIN = "origin"  # CDN -> origin
    DNS = "dns"  # DNS record -> target


class PropertyType(StrEnum):
    STRING = "string"
    INTEGER = "integer"
    NUMBER = "number"
    BOOLEAN = "boolean"
    ENUM = "enum"
    CIDR = "cidr"
    STRING_LIST = "string_list"
    INGRESS_RULES = "ingress_rules"  # list of {protocol, from_port, to_port, cidr | source_id, description}
    OBJECT = "object"  # free JSON object (imported raw properties)


class PropertySpec(Strict):
    name: str
    type: PropertyType
    label: str = ""
    description: str = ""
    default: Any = None
    values: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    unit: str = ""
    # A hard limit the guides state, cited, so the inspector can say why a value is refused.
    limit_source: Citation | None = None

    @field_validator("name")
    @classmethod
    def _snake(cls, value: str) -> str:
        if not _ID.match(value):
            raise ValueError(f"property name {value!r} must be snake_case")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> PropertySpec:
        if self.type is PropertyType.ENUM and not self.values:
            raise ValueError(f"enum property {self.name!r} needs values")
        if self.type is not PropertyType.ENUM and self.values:
            raise ValueError(f"only enum properties take values ({self.name!r})")
        if self.default is not None:
            error = check_property_value(self, self.default)
            if error:
                raise ValueError(f"default of {self.name!r}: {error}")
        return self


_PROTOCOLS = {"tcp", "udp", "icmp", "-1", "all"}


def _check_ingress_rules(value: Any) -> str | None:
    if not isinstance(value, list):
        return "must be a list of rules"
    for index, rule in enumerate(value):
        where = f"rule {index + 1}"
        if not isinstance(rule, dict):
            return f"{where} must be an object"
        unknown = set(rule) - {"protocol", "from_port", "to_port", "cidr", "source_id", "description"}
        if unknown:
            return f"{where} has unknown keys {sorted(unknown)}"
        if rule.get("protocol", "tcp") not in _PROTOCOLS:
            return f"{where}: protocol must be one of {sorted(_PROTOCOLS)}"
        for key in ("from_port", "to_port"):
            port = rule.get(key)
            if port is not None and (
                isinstance(port, bool) or not isinstance(port, int) or not -1 <= port <= 65535
            ):
                return f"{where}: {key} must be a port number 0-65535 (or -1 for all)"
        if ("cidr" in rule) == ("source_id" in rule):
            return f"{where} needs exactly one of cidr or source_id"
        if "cidr" in rule:
            try:
                ipaddress.ip_network(str(rule["cidr"]), strict=False)
            except ValueError:
                return f"{where}: {rule['cidr']!r} is not a CIDR block"
    return None


def check_property_value(spec: PropertySpec, value: Any, *, bounds: bool = True) -> str | None:
    """Why `value` is not acceptable for `spec`, or None when it is. With `bounds=False` only its kind is
    checked: a number outside the range, a choice the catalog does not list or a CIDR with host bits is
    accepted (an imported template's value is kept as written, and validation reports it)."""
    kind = spec.type
    if value is None:
        return None
    if kind in (PropertyType.STRING, PropertyType.CIDR, PropertyType.ENUM) and not isinstance(value, str):
        return f"must be text, not {type(value).__name__}"
    if kind is PropertyType.BOOLEAN and not isinstance(value, bool):
        return "must be true or false"
    if kind is PropertyType.INTEGER and (isinstance(value, bool) or not isinstance(value, int)):
        return "must be a whole number"
    if kind is PropertyType.NUMBER and (isinstance(value, bool) or not isinstance(value, int | float)):
        return "must be a number"
    if not bounds and kind is not PropertyType.STRING_LIST and kind is not PropertyType.INGRESS_RULES:
        return "must be an object" if kind is PropertyType.OBJECT and not isinstance(value, dict) else None
    if kind in (PropertyType.INTEGER, PropertyType.NUMBER):
        unit = f" {spec.unit}" if spec.unit else ""
        if spec.minimum is not None and value < spec.minimum:
            return f"must be at least {_fmt(spec.minimum)}{unit}"
        if spec.maximum is not None and value > spec.maximum:
            return f"must be at most {_fmt(spec.maximum)}{unit}"
    if kind is PropertyType.ENUM and value not in spec.values:
        return f"must be one of {', '.join(spec.values)}"
    if kind is PropertyType.CIDR:
        try:
            ipaddress.ip_network(value, strict=True)
        except ValueError as exc:
            return f"{value!r} is not a CIDR block ({exc})"
    if kind is PropertyType.STRING_LIST and (
        not isinstance(value, list) or not all(isinstance(item, str) for item in value)
    ):
        return "must be a list of text values"
    if kind is PropertyType.INGRESS_RULES:
        return _check_ingress_rules(value)
    if kind is PropertyType.OBJECT and not isinstance(value, dict):
        return "must be an object"
    return None


def _fmt(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else str(number)


LockinRating = Literal["none", "low", "medium", "high"]


class Alternative(Strict):
    name: str
    kind: Literal["aws", "other_cloud", "open_source", "self_hosted", "saas"]


class RaisedLockin(Strict):
    """A higher rating a service takes when it uses the features that tie it to AWS (e.g. Route 53's alias records
    and latency routing): when a property has one of the listed values, or the service starts a connection of one
    of the listed kinds."""

    rating: LockinRating
    rationale: str = Field(min_length=10)
    properties: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    connections: tuple[ConnectionKind, ...] = ()
    source: Citation


class Lockin(Strict):
    rating: LockinRating
    rationale: str = Field(min_length=10)
    alternatives: tuple[Alternative, ...] = ()
    source: Citation
    raised: RaisedLockin | None = None
    # Where the entry departs from its guide (e.g. alternatives that no longer exist replaced by current ones).
    note: str = ""


class Tip(Strict):
    text: str = Field(min_length=10)
    source: Citation


class ServiceType(Strict):
    id: str
    name: str
    short_name: str
    aliases: tuple[str, ...] = ()
    category: Category
    placement: Placement
    allowed_parents: tuple[ParentKind, ...]
    diagram_class: str  # e.g. "aws.database.RDS" -> diagrams.aws.database.RDS
    drawio_shape: str = ""
    cfn_types: tuple[str, ...]
    terraform_types: tuple[str, ...]
    default_port: int | None = None
    accepts: tuple[ConnectionKind, ...] = ()
    properties: tuple[PropertySpec, ...] = ()
    roles: tuple[ServiceRole, ...] = ()
    # The integer property that says how many instances, tasks or nodes the service runs (each takes an address).
    size_property: str | None = None
    # The VPC endpoint service (com.amazonaws.<region>.<name>) that reaches the service's API from private
    # subnets without the internet; None for what is no regional AWS API.
    endpoint_service: str | None = None
    lockin: Lockin
    tips: tuple[Tip, ...]
    description: str = ""

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        if not _ID.match(value):
            raise ValueError(f"id {value!r} must be snake_case")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> ServiceType:
        names = [prop.name for prop in self.properties]
        if len(names) != len(set(names)):
            raise ValueError("property names must be unique")
        if not self.allowed_parents:
            raise ValueError("allowed_parents must not be empty")
        subnet_kinds = {ParentKind.PUBLIC_SUBNET, ParentKind.PRIVATE_SUBNET}
        if self.placement in (Placement.GLOBAL, Placement.REGIONAL) and (
            set(self.allowed_parents) & (subnet_kinds | {ParentKind.VPC, ParentKind.AZ})
        ):
            raise ValueError(f"a {self.placement} service may not sit in a VPC, AZ or subnet")
        if (
            self.placement in (Placement.SUBNET, Placement.MULTI_SUBNET)
            and not set(self.allowed_parents) <= subnet_kinds
        ):
            raise ValueError(f"a {self.placement} service may sit only in subnets")
        if self.id != "generic" and not 3 <= len(self.tips) <= 8:
            raise ValueError(f"needs 3 to 8 tips, has {len(self.tips)}")
        if not self.cfn_types and not self.terraform_types and self.id != "generic":
            raise ValueError("needs at least one CloudFormation or Terraform type")
        if len(set(self.roles)) != len(self.roles):
            raise ValueError("roles must be unique")
        if self.size_property is not None:
            spec = next((prop for prop in self.properties if prop.name == self.size_property), None)
            if spec is None or spec.type is not PropertyType.INTEGER:
                raise ValueError(f"size_property {self.size_property!r} must name an integer property")
        return self

    def property_spec(self, name: str) -> PropertySpec | None:
        for spec in self.properties:
            if spec.name == name:
                return spec
        return None

    def defaults(self) -> dict[str, Any]:
        return {spec.name: spec.default for spec in self.properties if spec.default is not None}

    @property
    def spans_subnets(self) -> bool:
        return self.placement in (Placement.MULTI_SUBNET, Placement.REGIONAL_VPC_OPTIONAL)
