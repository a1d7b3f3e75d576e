"""The architecture review: what a reviewer walks through, gathered once and written as HTML or Markdown."""

from __future__ import annotations

import base64
from dataclasses import dataclass, field

from archbuilder.catalog import Citation
from archbuilder.exporters.diagram.build import render
from archbuilder.exporters.registry import ExportError
from archbuilder.model import AnyNode, Architecture
from archbuilder.validation import Finding, Pillar, Severity, ValidationResult, validate
from archbuilder.validation.lockin import ServiceLockin


@dataclass
class InventoryRow:
    container: str  # "Region › VPC › AZ › subnet" path, or "Global"
    service: str
    label: str
    category: str


@dataclass
class TipRow:
    service: str
    text: str
    source: Citation


@dataclass
class Review:
    title: str
    description: str
    date: str | None
    result: ValidationResult
    inventory: list[InventoryRow]
    tips: list[TipRow]
    diagram_png: bytes | None = None
    diagram_note: str = ""
    by_pillar: dict[Pillar, list[Finding]] = field(default_factory=dict)

    @property
    def suppressed(self) -> list[Finding]:
        return [f for f in self.result.findings if f.suppressed]

    @property
    def top_lockin(self) -> list[ServiceLockin]:
        return [s for s in self.result.lockin.services if s.rating in ("high", "medium")][:10]

    def category_summary(self) -> str:
        """ "compute 2 · database 1 · …", categories in alphabetical order."""
        counts: dict[str, int] = {}
        for row in self.inventory:
            counts[row.category] = counts.get(row.category, 0) + 1
        return " · ".join(f"{name} {count}" for name, count in sorted(counts.items()))

    def tips_by_service(self) -> list[tuple[str, list[TipRow]]]:
        grouped: dict[str, list[TipRow]] = {}
        for tip in self.tips:
            grouped.setdefault(tip.service, []).append(tip)
        return list(grouped.items())

    def diagram_data_uri(self) -> str | None:
        if self.diagram_png is None:
            return None
        return "data:image/png;base64," + base64.b64encode(self.diagram_png).decode("ascii")


def _path(architecture: Architecture, node: AnyNode) -> str:
    chain = [a.label for a in reversed(architecture.ancestors(node.id))]
    return " › ".join(chain) if chain else "Global"


def gather(
    architecture: Architecture,
    *,
    title: str | None = None,
    date: str | None = None,
    with_diagram: bool = True,
) -> Review:
    result = validate(architecture)
    catalog = architecture.catalog
    services = sorted(architecture.services(), key=lambda s: (_path(architecture, s), s.label.lower(), s.id))
    inventory = [
        InventoryRow(
            _path(architecture, s),
            catalog.get(s.type).name,
            s.label,
            catalog.get(s.type).category.value.replace("_", " "),
        )
        for s in services
    ]
    tips: list[TipRow] = []
    for type_id in sorted({s.type for s in services}):
        entry = catalog.get(type_id)
        tips.extend(TipRow(entry.name, tip.text, tip.source) for tip in entry.tips)
    review = Review(
        title=title or architecture.metadata.name,
        description=architecture.metadata.description,
        date=date,
        result=result,
        inventory=inventory,
        tips=tips,
        by_pillar={pillar: [f for f in result.active if f.pillar is pillar] for pillar in Pillar},
    )
    if with_diagram:
        try:
            review.diagram_png = render(architecture, "png")
        except ExportError as exc:
            review.diagram_note = f"Diagram not included: {exc}"
    return review


SEVERITY_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def service_label(architecture: Architecture, node_ids: tuple[str, ...]) -> str:
    return (
        ", ".join(architecture.nodes[n].label for n in node_ids if n in architecture.nodes) or "whole design"
    )
