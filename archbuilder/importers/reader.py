"""What the inference steps of an import share: the template, the design being built, the report, and the
logical id -> node id table."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from archbuilder.catalog import default_catalog
from archbuilder.importers.intrinsics import Resolver
from archbuilder.importers.references import refs as _refs
from archbuilder.importers.report import ImportReport
from archbuilder.model import Architecture, Metadata, RegionNode
from archbuilder.model.text import name_error


class TemplateReader:
    def __init__(
        self, template: dict[str, Any], name: str, writable: Callable[[str], bool] | None = None
    ) -> None:
        self.template = template
        # Whether the exporter the design goes back to can write a service type; the others stay generic.
        self.writable = writable
        self.resources: dict[str, dict[str, Any]] = template["Resources"]
        # Each resource's type, the question asked most (half a million times for 12,000 resources).
        self._types = {
            name: str(body.get("Type", "")) for name, body in self.resources.items() if isinstance(body, dict)
        }
        self.catalog = default_catalog()
        region = "us-east-1"
        self.arch = Architecture(
            metadata=Metadata(
                name=name, description=str(template.get("Description", ""))[:10_000], default_region=region
            )
        )
        self.report = ImportReport()
        # Values given by parameters are read as their defaults (intrinsics.py).
        self.resolver = Resolver(template, region)
        self.nodes: dict[str, str] = {}  # logical id -> node id
        self.arch.add_node(RegionNode(id="region", label=region, region=region))
        self.owners: dict[str, str] = {}  # folded companion -> the resource it belongs to
        # How the source names a resource where that is not its logical id (a Terraform address), for messages.
        self.source_names: dict[str, str] = {}
        self._mount_targets_of: dict[str, list[str]] | None = None  # services.py
        # Indexes of the template, made when first asked (the template is read, never changed, by an import).
        self._by_type: dict[str, list[str]] | None = None
        self._referrers_of: dict[str, list[str]] | None = None
        self._references: dict[str, list[str]] = {}
        # The design metadata the export's records were indexed from, and the index (_node_records).
        self._records_of: (
            tuple[dict[str, Any], dict[str, dict[tuple[Any, Any], list[dict[str, Any]]]]] | None
        ) = None

    def _props(self, logical: str) -> dict[str, Any]:
        body = self.resources.get(logical)
        props = body.get("Properties") if isinstance(body, dict) else None
        return props if isinstance(props, dict) else {}

    def _design_metadata(self) -> dict[str, Any]:
        """What the exporter wrote about the design in the template's Metadata (its name, labels)."""
        metadata = self.template.get("Metadata")
        entry = metadata.get("archbuilder") if isinstance(metadata, dict) else None
        return entry if isinstance(entry, dict) else {}

    def _node_records(self, key: str, label: str, short_name: str) -> list[dict[str, Any]]:
        """The records the export made under `key` of the design's Metadata (manual_steps, written_instead) for a
        node, matched by its label and service. Indexed once per metadata: looked up node by node, the 744 records
        of 2,500 services were read 2,500 times over."""
        metadata = self._design_metadata()
        if self._records_of is None or self._records_of[0] is not metadata:
            self._records_of = (metadata, {})
        indexes = self._records_of[1]
        if key not in indexes:
            index: dict[tuple[Any, Any], list[dict[str, Any]]] = {}
            records = metadata.get(key)
            for record in records if isinstance(records, list) else []:
                if isinstance(record, dict):
                    index.setdefault((record.get("node"), record.get("service")), []).append(record)
            indexes[key] = index
        return indexes[key].get((label, short_name), [])

    def _recorded_steps(self, label: str, short_name: str) -> list[str]:
        """The steps the export left to do by hand for a node (kit.by_hand)."""
        return [
            str(record.get("step", "")) for record in self._node_records("manual_steps", label, short_name)
        ]

    def _recorded_stand_ins(self, label: str, short_name: str) -> dict[str, tuple[Any, Any]]:
        """property -> (the design's value, the value written in its place) for each value the export recorded as
        written in place of a node's (kit.written_instead)."""
        return {
            str(record.get("property")): (record.get("design"), record.get("written"))
            for record in self._node_records("written_instead", label, short_name)
        }

    def _label(self, logical: str) -> str:
        """A resource's label: as the exporter recorded it, else its literal Name tag, else its logical id. A
        label that cannot be a name (a control character, a line break) is refused, naming the resource."""
        label, where = self._label_and_origin(logical)
        error = name_error(label)
        if error:
            raise ValueError(f"resource {self.source_names.get(logical, logical)}: its {where} {error}")
        return label

    def _label_and_origin(self, logical: str) -> tuple[str, str]:
        labels = self._design_metadata().get("labels")
        if (
            isinstance(labels, dict)
            and isinstance(labels.get(logical), str)
            and 0 < len(labels[logical]) <= 200
        ):
            return str(labels[logical]), "label in the template's Metadata"
        tags = self._props(logical).get("Tags")
        if (
            isinstance(tags, dict)
            and isinstance(tags.get("Name"), str)
            and 0 < len(tags["Name"].strip()) <= 200
        ):
            return str(tags["Name"]).strip(), "Name tag"  # Terraform's tags are a map
        if isinstance(tags, list):
            for tag in tags:
                if isinstance(tag, dict) and tag.get("Key") == "Name" and isinstance(tag.get("Value"), str):
                    name = tag["Value"].strip()
                    if 0 < len(name) <= 200:
                        return name, "Name tag"
        return logical, "logical id"

    def _type(self, logical: str) -> str:
        kind = self._types.get(logical)
        return kind if kind is not None else str(self.resources.get(logical, {}).get("Type", ""))

    def _of_type(self, kind: str) -> list[str]:
        """The resources of a type, in template order."""
        if self._by_type is None:
            self._by_type = {}
            for name in self.resources:
                self._by_type.setdefault(self._type(name), []).append(name)
        return self._by_type.get(kind, [])

    def _referrers(self, logical: str) -> list[str]:
        """The resources whose properties name `logical` (Ref, GetAtt, Sub), in template order: one walk of the
        template for all of them, where asking each resource in turn would walk it once per question."""
        if self._referrers_of is None:
            self._referrers_of = {}
            for name in self.resources:
                for named in dict.fromkeys(self._refs_in(name)):
                    self._referrers_of.setdefault(named, []).append(name)
        return self._referrers_of.get(logical, [])

    def _refs_in(self, logical: str) -> list[str]:
        """What a resource's properties name (references.refs), walked once per resource; not to be changed."""
        found = self._references.get(logical)
        if found is None:
            found = self._references[logical] = _refs(self._props(logical))
        return found

    def _naming(self, logical: str, kind: str) -> list[str]:
        """Resources of `kind` whose properties name `logical`, in template order."""
        return [name for name in self._referrers(logical) if self._type(name) == kind]

    def _ref_of(self, value: Any) -> str | None:
        refs = _refs(value)
        return refs[0] if refs and refs[0] in self.resources else None
