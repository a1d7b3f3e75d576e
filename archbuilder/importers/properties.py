"""Catalog property values read from a resource's properties."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from archbuilder.catalog import ServiceType, check_property_value
from archbuilder.catalog.service_type import PropertySpec
from archbuilder.importers.capacity import CapacityReaders
from archbuilder.importers.companion_readers import CompanionReaders
from archbuilder.importers.group_nodes import GroupReaders, cidr_rules
from archbuilder.importers.member_readers import MemberReaders
from archbuilder.importers.property_paths import (
    MISSING,
    Reading,
    absent,
    interpret,
    property_paths,
    step_reading,
    walk,
)
from archbuilder.importers.property_readers import SpecialReaders
from archbuilder.importers.service_readers import ServiceReaders


class PropertyReading(
    SpecialReaders, MemberReaders, ServiceReaders, CompanionReaders, CapacityReaders, GroupReaders
):
    # Which entries read the properties: resources/import/cloudformation.yaml, or with terraform.yaml over it.
    property_source = "cloudformation"
    # The owners table (TemplateReader.owners) an index of each owner's companions was made from, and the index.
    _owned_of: tuple[dict[str, str], dict[str, list[str]]] | None = None

    def _properties(self, logical: str, service: ServiceType) -> dict[str, Any]:
        """The catalog properties the template states for this resource, each read by its entry in
        resources/import/cloudformation.yaml; a value outside the catalog's bounds is kept as written."""
        self.service = service
        entries = property_paths(self.property_source).get(service.id, {})
        values: dict[str, Any] = {}
        for spec in service.properties:
            entry = entries.get(spec.name)
            if entry is not None:
                self._keep(logical, spec, self._read(logical, spec, entry), values)
        # A value the export wrote in place of the design's is the design's again, while the template holds it.
        stand_ins = self._recorded_stand_ins(self._label(logical), service.short_name)
        for name, (design, written) in stand_ins.items():
            if name in values and values[name] == written and service.property_spec(name) is not None:
                values[name] = design
        return values

    def _keep(self, where: str, spec: PropertySpec, reading: Reading, values: dict[str, Any]) -> None:
        """Sets what was read in `values`, as written: a value outside the catalog's bounds, or one that could
        not be read, is reported under `where` (the resource, or the step naming a node)."""
        if reading.value is not MISSING:
            values[spec.name] = reading.value
            problem = check_property_value(spec, reading.value)
            if problem:
                self.report.warnings.append(
                    f"{where}: {spec.label or spec.name} {reading.value!r} is outside the catalog "
                    f"({problem}); kept as written"
                )
        elif reading.note:
            assumed = f"; checks assume {spec.default!r}" if spec.default not in (None, "", []) else ""
            self.report.warnings.append(
                f"{where}: {spec.label or spec.name} is {reading.note}{assumed}; the template keeps it"
            )

    def _read(self, logical: str, spec: PropertySpec, entry: dict[str, Any]) -> Reading:
        reader = entry.get("reader")
        if reader is None and "step" in entry:
            return step_reading(self._steps_of(logical), entry, spec)
        if reader is not None:
            method: Callable[[str, dict[str, Any], PropertySpec], Reading] = getattr(self, f"_read_{reader}")
            return method(logical, entry, spec)
        source = logical
        if "resource" in entry:
            related = self._related(logical, (str(entry["resource"]),))
            if not related:
                return absent(entry, spec)
            source = related[0]
        return interpret(walk(self._props(source), str(entry["path"]), self.resolver), entry, spec)

    def _steps_of(self, logical: str) -> list[str]:
        """The steps the export left to do by hand for this resource's node."""
        return self._recorded_steps(self._label(logical), self.service.short_name)

    def _owned_ingress(self, logical: str) -> list[dict[str, Any]]:
        """CIDR rules of the security groups this service owns become its explicit ingress rules."""
        if self._owned_of is None or self._owned_of[0] is not self.owners:
            owned: dict[str, list[str]] = {}  # the companions of each owner, gathered once per owners table
            for companion, owner in sorted(self.owners.items()):
                owned.setdefault(owner, []).append(companion)
            self._owned_of = (self.owners, owned)
        rules = []
        for group in self._owned_of[1].get(logical, []):
            if self._type(group) == "AWS::EC2::SecurityGroup":
                rules += cidr_rules(self._props(group))
        return rules
