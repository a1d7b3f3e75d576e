"""Services that AWS offers no declarative resource for (a Glacier vault, Inspector, a Storage Gateway appliance)
come back from the steps the export left to do by hand (exporters/cloudformation/kit.by_hand), which the template's
Metadata lists and Terraform's main.tf names in its opening comment: each step names the node by its label and
service, and says the settings the export could not declare, read by the `step` entries of
resources/import/cloudformation.yaml."""

from __future__ import annotations

import contextlib
import re
from typing import Any

from archbuilder.catalog import ConnectionKind, ServiceType
from archbuilder.catalog.service_type import Placement
from archbuilder.importers.properties import PropertyReading
from archbuilder.importers.property_paths import property_paths, step_reading
from archbuilder.model import InvariantError

# Service types with no CloudFormation resource, made from their steps alone; and those the export leaves as a
# step only at times (Shield Advanced protecting nothing, a peering with no peer named), when no resource made them.
BY_HAND_TYPES = ("glacier_vault", "inspector", "storage_gateway", "shield", "vpc_peering")
# A gateway's step names the buckets its file shares are on: "... on Curated, Data as StorageGatewayRole: ...".
_SHARES_ON = re.compile(r" on (.+?) as [A-Za-z0-9]+: ")
# ... and the role they use, which belongs to the gateway (made from its step) and folds into it.
_SHARES_AS = re.compile(r" on .+? as ([A-Za-z0-9]+): ")
# A peering's step names the VPC it is drawn in: "...; the peering from Main is not written".
_PEERING_FROM = re.compile(r"; the peering from (.+) is not written$")


class ManualServiceInference(PropertyReading):
    def _services_by_hand(self) -> None:
        """A node, in the region, for each service the steps name that no resource stands for."""
        steps = self._design_metadata().get("manual_steps")
        by_name = {service.short_name: service for service in self.catalog if service.id in BY_HAND_TYPES}
        labels = {node.label for node in self.arch.services()}
        for step in steps if isinstance(steps, list) else []:
            if not isinstance(step, dict):
                continue
            service = by_name.get(str(step.get("service")))
            label, text = str(step.get("node", "")), str(step.get("step", ""))
            if service is None or not 0 < len(label) <= 200 or label in labels:
                continue
            parent = self._step_parent(service, text)
            if parent == "":
                continue
            properties = self._step_settings(service, label, text)
            node = self.arch.add_service(service.id, parent, label=label, properties=properties)
            labels.add(label)
            if service.id == "storage_gateway":
                self._gateway_shares(node.id, text)

    def _roles_of_steps(self) -> set[str]:
        """The roles a gateway's step names as its file shares' (its own, made for it by the export), which fold
        into the gateway instead of standing as roles of their own."""
        steps = self._design_metadata().get("manual_steps")
        roles = set()
        for step in steps if isinstance(steps, list) else []:
            found = _SHARES_AS.search(str(step.get("step", ""))) if isinstance(step, dict) else None
            if found and found.group(1) in self.resources and self._type(found.group(1)) == "AWS::IAM::Role":
                roles.add(found.group(1))
        return roles

    def _step_parent(self, service: ServiceType, step: str) -> str | None:
        """Where a step's node is: a global service at the top, a peering in the VPC its step names ("" when no
        VPC of the design has that name), any other in the region."""
        if service.placement is Placement.GLOBAL:
            return None
        if service.id != "vpc_peering":
            return "region"
        found = _PEERING_FROM.search(step)
        vpcs = [
            n.id for n in self.arch.nodes.values() if n.kind == "vpc" and found and n.label == found.group(1)
        ]
        return vpcs[0] if vpcs else ""

    def _step_settings(self, service: ServiceType, label: str, text: str) -> dict[str, Any]:
        """The settings a step says, each read by its `step` entry (a vault's lock, a gateway's kind)."""
        entries = property_paths(self.property_source).get(service.id, {})
        values: dict[str, Any] = {}
        for spec in service.properties:
            entry = entries.get(spec.name)
            if entry is not None and "step" in entry:
                self._keep(f"{label} ({service.short_name})", spec, step_reading([text], entry, spec), values)
        return values

    def _gateway_shares(self, gateway: str, step: str) -> None:
        """The gateway writes to the buckets its file shares are on."""
        found = _SHARES_ON.search(step)
        named = set(found.group(1).split(", ")) if found else set()
        for node in self.arch.services():
            if node.type == "s3_bucket" and node.label in named:
                with contextlib.suppress(InvariantError):
                    self.arch.connect(gateway, node.id, ConnectionKind.WRITE)
