"""Connections drawn between services: who initiates, who receives, and what it means."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from archbuilder.catalog.service_type import ConnectionKind
from archbuilder.model.nodes import Name, NodeId

Protocol = Literal["tcp", "udp", "http", "https", "icmp", "all"]


class Connection(BaseModel):
    # Immutable: the Architecture swaps in a changed copy.
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: NodeId
    source_id: NodeId
    target_id: NodeId
    kind: ConnectionKind = ConnectionKind.TRAFFIC
    port: int | None = Field(default=None, ge=0, le=65535)
    protocol: Protocol | None = None
    label: Name = ""
