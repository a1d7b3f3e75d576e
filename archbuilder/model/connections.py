"""Connections drawn between services: who initiates, who receives, and what it means."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer

from archbuilder.catalog.service_type import ConnectionKind
from archbuilder.model.nodes import Name, NodeId

Protocol = Literal["tcp", "udp", "http", "https", "icmp", "all"]
Coordinate = Annotated[float, Field(allow_inf_nan=False)]


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
    # Bend points the user dragged the route to, relative to the top-left corner of the innermost container
    # holding both ends (the scene's origin when none does: model/bends.py); the route passes through them in
    # order.
    bends: tuple[tuple[Coordinate, Coordinate], ...] = Field(default=(), max_length=64)
    # The same in scene coordinates, as documents wrote them before bends moved with their container: read,
    # turned into `bends` once the nodes are loaded, and never written.
    waypoints: tuple[tuple[Coordinate, Coordinate], ...] = Field(default=(), max_length=64)

    @model_serializer(mode="wrap")
    def _without_unset_additions(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        """Fields added after the format's first release are written only when set, so a document that does
        not use them saves to the same bytes as before."""
        data: dict[str, Any] = handler(self)
        data.pop("waypoints", None)
        if not self.bends:
            data.pop("bends", None)
        return data
