"""Properties of DocumentDB and Neptune clusters that a path cannot say: their size, instance class and spread
over AZs, read from their member instances. Each reader is named by `reader:` in
resources/import/cloudformation.yaml."""

from __future__ import annotations

from typing import Any

from archbuilder.catalog.service_type import PropertySpec
from archbuilder.importers.property_paths import Reading, interpret, walk
from archbuilder.importers.reader import TemplateReader
from archbuilder.importers.references import refs

MEMBER_TYPES = ("AWS::DocDB::DBInstance", "AWS::Neptune::DBInstance")


class MemberReaders(TemplateReader):
    def _cluster_members(self, logical: str) -> list[str]:
        return [
            name
            for name in self.resources
            if self._type(name) in MEMBER_TYPES
            and logical in refs(self._props(name).get("DBClusterIdentifier"))
        ]

    def _read_member_instance_class(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        members = self._cluster_members(logical)
        if not members:
            return Reading()
        return interpret(walk(self._props(members[0]), "DBInstanceClass", self.resolver), {}, spec)

    def _read_member_count(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        members = self._cluster_members(logical)
        return Reading(len(members)) if members else Reading()

    def _read_members_spread(self, logical: str, entry: dict[str, Any], spec: PropertySpec) -> Reading:
        """Spread when the members name their AZs (the export places them round the cluster's AZs)."""
        members = self._cluster_members(logical)
        if not members:
            return Reading()
        return Reading(all("AvailabilityZone" in self._props(member) for member in members))
