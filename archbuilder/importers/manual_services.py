"""Services that AWS offers no declarative resource for (a Glacier vault, Inspector, a Storage Gateway appliance)
come back from the steps the export left to do by hand (exporters/cloudformation/kit.by_hand), which the template's
Metadata lists and Terraform's main.tf names in its opening comment: each step names the node by its label and
service, and says the settings the export could not declare."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from typing import Any

from archbuilder.catalog import ConnectionKind
from archbuilder.importers.reader import TemplateReader
from archbuilder.model import InvariantError


def _vault(step: str) -> dict[str, Any]:
    # exporters/cloudformation/file_storage.py: "create the vault and lock its compliance policy ..."
    return {"vault_lock": "lock its compliance policy" in step}


def _gateway(step: str) -> dict[str, Any]:
    # exporters/cloudformation/file_storage.py: "deploy and activate a FILE_S3 gateway ..."
    found = re.search(r"deploy and activate an? ([A-Z0-9_]+) gateway", step)
    return {"gateway_type": found.group(1)} if found else {}


# Service types with no CloudFormation resource -> how their step says their settings.
BY_HAND_SETTINGS: dict[str, Callable[[str], dict[str, Any]]] = {
    "glacier_vault": _vault,
    "inspector": lambda _step: {},
    "storage_gateway": _gateway,
}
# A gateway's step names the buckets its file shares are on: "... on Curated, Data as StorageGatewayRole: ...".
_SHARES_ON = re.compile(r" on (.+?) as [A-Za-z0-9]+: ")


class ManualServiceInference(TemplateReader):
    def _services_by_hand(self) -> None:
        """A node, in the region, for each service the steps name that no resource stands for."""
        steps = self._design_metadata().get("manual_steps")
        by_name = {service.short_name: service for service in self.catalog if service.id in BY_HAND_SETTINGS}
        labels = {node.label for node in self.arch.services()}
        for step in steps if isinstance(steps, list) else []:
            if not isinstance(step, dict):
                continue
            service = by_name.get(str(step.get("service")))
            label, text = str(step.get("node", "")), str(step.get("step", ""))
            if service is None or not 0 < len(label) <= 200 or label in labels:
                continue
            node = self.arch.add_service(
                service.id, "region", label=label, properties=BY_HAND_SETTINGS[service.id](text)
            )
            labels.add(label)
            if service.id == "storage_gateway":
                self._gateway_shares(node.id, text)

    def _gateway_shares(self, gateway: str, step: str) -> None:
        """The gateway writes to the buckets its file shares are on."""
        found = _SHARES_ON.search(step)
        named = set(found.group(1).split(", ")) if found else set()
        for node in self.arch.services():
            if node.type == "s3_bucket" and node.label in named:
                with contextlib.suppress(InvariantError):
                    self.arch.connect(gateway, node.id, ConnectionKind.WRITE)
