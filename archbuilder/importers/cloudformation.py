"""Turns a CloudFormation template into an editable design: containment inferred from VPC/subnet references,
connections from Ref/GetAtt and security group rules, unknown resources kept as generic nodes, and the whole
template kept so that export writes back what the design does not model (model/imported.py)."""

from __future__ import annotations

from pathlib import Path

from archbuilder.fileio import FileError, read_regular_file
from archbuilder.gc_pause import cyclic_gc_paused
from archbuilder.importers.capacity import capacity_companions
from archbuilder.importers.cfn_yaml import MAX_BYTES, TemplateError, load_template
from archbuilder.importers.drawn_records import DrawnRecordInference
from archbuilder.importers.existing_network import ExistingNetworkInference
from archbuilder.importers.flows import FlowInference
from archbuilder.importers.folding import FOLDED
from archbuilder.importers.group_nodes import GroupNodeInference
from archbuilder.importers.links import LinkInference
from archbuilder.importers.manual_services import ManualServiceInference
from archbuilder.importers.network import NetworkInference
from archbuilder.importers.ownership import Ownership, design_name
from archbuilder.importers.references import refs
from archbuilder.importers.report import ImportReport
from archbuilder.importers.resource_connections import ResourceConnectionInference
from archbuilder.importers.services import ServiceInference
from archbuilder.importers.terraform_shape import SSM_DATA_SOURCE
from archbuilder.model import Architecture, TemplateSections
from archbuilder.model.imported import SourceFormat
from archbuilder.model.layout import auto_layout

__all__ = ["FOLDED", "ImportReport", "cloudformation_writes", "import_template"]


def cloudformation_writes(service_type: str) -> bool:
    """Whether the CloudFormation exporter can write a service type (imported lazily: it is a large module)."""
    from archbuilder.exporters.cloudformation.template import NETWORK_TYPES, RENDERERS

    return service_type in RENDERERS or service_type in NETWORK_TYPES


class _Importer(
    NetworkInference,
    ExistingNetworkInference,
    GroupNodeInference,
    ServiceInference,
    LinkInference,
    FlowInference,
    DrawnRecordInference,
    ResourceConnectionInference,
    ManualServiceInference,
    Ownership,
):
    """Reads one template into a design: network first, then companions, services, connections, sections."""

    # The kept template's format; None keeps none (the Terraform import reads a translation, not the source).
    source_format: SourceFormat | None = "cloudformation"

    def run(self) -> Architecture:
        name, description = design_name(
            self.template.get("Description"), self.arch.metadata.name, self._design_metadata().get("design")
        )
        self.arch.metadata.name, self.arch.metadata.description = name, description
        self._network()
        self._existing_network()
        self.owners = self._one_group_each(
            self._companions() | self._link_companions()
        ) | capacity_companions(self)
        step_roles = self._roles_of_steps()
        for logical in self.resources:
            if logical in self.nodes:
                continue
            kind = self._type(logical)
            if (
                logical in self.owners
                or logical in step_roles
                or (self._folds(logical, kind) and not self._stands_alone(logical, kind))
            ):
                self.report.folded.append((logical, kind))
                continue
            self._service(logical, kind)
        self._services_by_hand()
        self._connections()
        self._drawn_groups()
        self._declared_source_rules()
        self.arch.set_template_sections(self._sections())
        auto_layout(self.arch)
        if self.source_format is not None:
            self.arch.set_imported_source(self._imported_source(self.source_format))
        return self.arch

    def _sections(self) -> TemplateSections:
        """Parameters, Mappings, Conditions and Outputs for a design rendered without its kept template (an
        export to Terraform): Outputs naming a folded helper are left out there, since such an export writes its
        own helpers under its own names."""
        outputs = self.template.get("Outputs")
        outputs = outputs if isinstance(outputs, dict) else {}
        folded = {logical for logical, _kind in self.report.folded}
        kept = {name: body for name, body in outputs.items() if not folded & set(refs(body))}
        return TemplateSections(
            # The SSM parameters Terraform's data sources read are the import's way of reading them, not the design's.
            parameters={
                name: body
                for name, body in (self.template.get("Parameters") or {}).items()
                if not name.startswith(SSM_DATA_SOURCE)
            },
            mappings=dict(self.template.get("Mappings") or {}),
            conditions=dict(self.template.get("Conditions") or {}),
            outputs=kept,
        )


def import_template(path: Path) -> tuple[Architecture, ImportReport]:
    try:
        raw = read_regular_file(path, MAX_BYTES)  # a pipe or device is refused, and the read is bounded
    except FileError as exc:
        raise TemplateError(str(exc)) from None
    with cyclic_gc_paused():  # many objects and no garbage cycles (importers/terraform.py import_terraform)
        template = load_template(raw, str(path))
        importer = _Importer(template, path.stem, writable=cloudformation_writes)
        return importer.run(), importer.report
