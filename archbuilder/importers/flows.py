"""Connections a service's own definition says: a data pipeline's activities read the data nodes they take as
input and write those they give as output (exporters/cloudformation/big_data.py writes them so)."""

from __future__ import annotations

from typing import Any

from archbuilder.catalog import ConnectionKind
from archbuilder.importers.connections import ConnectionInference
from archbuilder.importers.references import refs

PIPELINE = "AWS::DataPipeline::Pipeline"


class FlowInference(ConnectionInference):
    def _said_connections(self) -> None:
        super()._said_connections()
        for logical in self.resources:
            if self._type(logical) == PIPELINE and logical in self.nodes:
                self._pipeline_flows(logical)

    def _pipeline_flows(self, logical: str) -> None:
        objects = _objects(self._props(logical).get("PipelineObjects"))
        reads: set[str] = set()
        writes: set[str] = set()
        for fields in objects.values():
            for key, found in (("input", reads), ("output", writes)):
                for node_id in _ref_values(fields, key):
                    found |= set(refs(objects.get(node_id, [])))
        for name in sorted(reads | writes):
            if name not in self.nodes:
                continue
            kind = (
                ConnectionKind.READ_WRITE
                if name in reads and name in writes
                else ConnectionKind.READ
                if name in reads
                else ConnectionKind.WRITE
            )
            self._connect(self.nodes[logical], self.nodes[name], preferred=kind)


def _objects(value: Any) -> dict[str, list[Any]]:
    """Pipeline object id -> its fields."""
    found: dict[str, list[Any]] = {}
    for item in value if isinstance(value, list) else []:
        if (
            isinstance(item, dict)
            and isinstance(item.get("Id"), str)
            and isinstance(item.get("Fields"), list)
        ):
            found[item["Id"]] = item["Fields"]
    return found


def _ref_values(fields: list[Any], key: str) -> list[str]:
    """The objects a field refers to by id (RefValue), for every field of that key."""
    return [
        str(field["RefValue"])
        for field in fields
        if isinstance(field, dict) and field.get("Key") == key and isinstance(field.get("RefValue"), str)
    ]
