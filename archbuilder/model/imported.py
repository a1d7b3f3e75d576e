"""The template a design was imported from, kept whole so that export writes back what the design does not model.

An import reads what it understands into nodes, properties and connections; everything else a template says
(properties the catalog has no name for, resource attributes, helper resources, the user's names, formatting
choices such as a value given by a parameter) stays here. The export renders the design as imported (the
baseline) and the design as it is now, and applies only the difference between the two to this template: a
design nobody edited exports the template unchanged, and an edit changes exactly what it is about.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from archbuilder.model.connections import Connection
from archbuilder.model.document import Metadata
from archbuilder.model.nodes import Node, NodeId

SourceFormat = Literal["cloudformation", "terraform"]


class ImportedSource(BaseModel):
    model_config = ConfigDict(extra="forbid")

    format: SourceFormat
    # The template as read: CloudFormation in its long form (`Ref`, `Fn::GetAtt`...); Terraform as the blocks of
    # its files (`resource`, `variable`, `output`... in python-hcl2's plain form).
    template: dict[str, Any]
    # The resources in the order the template lists them (a document sorts keys; the export keeps this order).
    order: list[str] = Field(default_factory=list)
    # Resource (logical id, or Terraform address) -> the node it belongs to: its own resource, a companion folded
    # into it, a helper of its structure. A resource whose node is deleted is not written back.
    owners: dict[str, NodeId] = Field(default_factory=dict)
    # Node -> the resource that is the node itself, so that the export names it as the template did.
    names: dict[NodeId, str] = Field(default_factory=dict)
    # The design as imported, the base the export compares the current design with.
    baseline_metadata: Metadata = Field(default_factory=Metadata)
    baseline_nodes: list[Node] = Field(default_factory=list)
    baseline_connections: list[Connection] = Field(default_factory=list)
