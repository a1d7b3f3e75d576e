"""The architecture model: pure Python, no Qt. Every change goes through `Architecture`."""

from archbuilder.model.architecture import Architecture, ArchitectureEvents, RemovedNodes
from archbuilder.model.connections import Connection
from archbuilder.model.containment import InvariantError
from archbuilder.model.document import (
    Environment,
    ExportDefaults,
    Metadata,
    RuleSetting,
    Suppression,
    TemplateSections,
)
from archbuilder.model.nodes import (
    AnyNode,
    AvailabilityZoneNode,
    NodeKind,
    RegionNode,
    ServiceNode,
    SubnetNode,
    SubnetTier,
    VpcNode,
)
from archbuilder.model.serialization import DocumentError, dumps, load, loads, save

__all__ = [
    "AnyNode",
    "Architecture",
    "ArchitectureEvents",
    "AvailabilityZoneNode",
    "Connection",
    "DocumentError",
    "Environment",
    "ExportDefaults",
    "InvariantError",
    "Metadata",
    "NodeKind",
    "RegionNode",
    "RemovedNodes",
    "RuleSetting",
    "ServiceNode",
    "SubnetNode",
    "SubnetTier",
    "Suppression",
    "TemplateSections",
    "VpcNode",
    "dumps",
    "load",
    "loads",
    "save",
]
