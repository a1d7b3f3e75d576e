"""The architecture review, gathered once and written as HTML, Markdown, PDF or slides: a title page, the executive
summary, the scorecard per pillar, the top actions with callouts on the diagram, strengths, findings by pillar,
lock-in, cost, and the guides' tips for the services of the design in an appendix."""

from __future__ import annotations

import base64
from dataclasses import dataclass, field

from archbuilder.catalog import Citation
from archbuilder.exporters.diagram.callouts import Callout, CalloutDiagram, render_with_callouts
from archbuilder.exporters.registry import ExportError
from archbuilder.exporters.report.cost_section import CostSection, cost_section
from archbuilder.exporters.report.lockin_summary import LockinSummary, summarize
from archbuilder.exporters.report.priorities import TOP_ACTIONS, Action, rank_actions
from archbuilder.exporters.report.scorecard import (
    PillarScore,
    Strength,
    enabled_rules,
    scorecard,
    strengths,
)
from archbuilder.exporters.report.summary import (
    ExecutiveSummary,
    default_assumptions,
    default_scope,
    executive_summary,
)
from archbuilder.model import AnyNode, Architecture
from archbuilder.validation import Finding, Pillar, Severity, ValidationResult, validate
from archbuilder.validation.registry import all_rules

SEVERITY_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)


@dataclass(frozen=True)
class ReportOptions:
    """What the person presenting the review says about it; what is left out is read from the design."""

    title: str | None = None
    date: str | None = None  # none by default, so the same design gives the same bytes
    reviewer: str | None = None
    scope: str | None = None
    assumptions: tuple[str, ...] = ()


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
    design_name: str
    description: str
    date: str | None
    reviewer: str | None
    scope: str
    assumptions: tuple[str, ...]
    result: ValidationResult
    summary: ExecutiveSummary
    scorecard: list[PillarScore]
    actions: list[Action]  # every rule that found something, ranked; the first TOP_ACTIONS are the top ones
    strengths: list[Strength]
    lockin: LockinSummary
    cost: CostSection | None
    inventory: list[InventoryRow]
    tips: list[TipRow]
    diagram: CalloutDiagram | None = None
    diagram_note: str = ""
    by_pillar: dict[Pillar, list[Finding]] = field(default_factory=dict)
    rule_titles: dict[str, str] = field(default_factory=dict)

    @property
    def top_actions(self) -> list[Action]:
        return self.actions[:TOP_ACTIONS]

    @property
    def suppressed(self) -> list[Finding]:
        return [f for f in self.result.findings if f.suppressed]

    @property
    def diagram_png(self) -> bytes | None:
        return self.diagram.png if self.diagram is not None else None

    def action_of(self, finding: Finding) -> Action | None:
        """The top action a finding belongs to, so its row can carry the callout number."""
        return next((a for a in self.top_actions if finding in a.findings), None)

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
        """The diagram with its callouts as an SVG data URI: sharp at any zoom, self-contained, never scripted."""
        if self.diagram is None:
            return None
        return "data:image/svg+xml;base64," + base64.b64encode(self.diagram.svg).decode("ascii")


def _path(architecture: Architecture, node: AnyNode) -> str:
    chain = [a.label for a in reversed(architecture.ancestors(node.id))]
    return " › ".join(chain) if chain else "Global"


def _inventory(architecture: Architecture) -> list[InventoryRow]:
    catalog = architecture.catalog
    services = sorted(architecture.services(), key=lambda s: (_path(architecture, s), s.label.lower(), s.id))
    return [
        InventoryRow(
            _path(architecture, s),
            catalog.get(s.type).name,
            s.label,
            catalog.get(s.type).category.value.replace("_", " "),
        )
        for s in services
    ]


def _tips(architecture: Architecture) -> list[TipRow]:
    """The guides' tips for the service types the design holds, and for no other."""
    tips: list[TipRow] = []
    for type_id in sorted({s.type for s in architecture.services()}):
        entry = architecture.catalog.get(type_id)
        tips.extend(TipRow(entry.name, tip.text, tip.source) for tip in entry.tips)
    return tips


def gather(
    architecture: Architecture,
    options: ReportOptions | None = None,
    *,
    with_diagram: bool = True,
) -> Review:
    options = options or ReportOptions()
    result = validate(architecture)
    rules = enabled_rules(architecture, all_rules())
    by_id = {rule.id: rule for rule in all_rules()}
    titles = {rule_id: rule.title for rule_id, rule in by_id.items()}
    actions = rank_actions(result.findings, by_id)
    scores = scorecard(result.findings, rules)
    cost = cost_section(architecture) if architecture.services() else None
    review = Review(
        title=options.title or architecture.metadata.name,
        design_name=architecture.metadata.name,
        description=architecture.metadata.description,
        date=options.date,
        reviewer=options.reviewer,
        scope=options.scope or default_scope(architecture),
        assumptions=options.assumptions or default_assumptions(len(rules), cost),
        result=result,
        summary=executive_summary(architecture, scores, actions, result.lockin.score, cost),
        scorecard=scores,
        actions=actions,
        strengths=strengths(architecture, result.findings, rules),
        lockin=summarize(result.lockin),
        cost=cost,
        inventory=_inventory(architecture),
        tips=_tips(architecture),
        by_pillar={pillar: [f for f in result.active if f.pillar is pillar] for pillar in Pillar},
        rule_titles=titles,
    )
    if with_diagram:
        try:
            review.diagram = render_with_callouts(architecture, diagram_callouts(review.top_actions))
        except ExportError as exc:
            review.diagram_note = f"Diagram not included: {exc}"
    return review


def diagram_callouts(actions: list[Action]) -> dict[str, list[Callout]]:
    """Node id -> the callouts of the actions that touch it, in action order."""
    marks: dict[str, list[Callout]] = {}
    for action in actions:
        for node_id in action.node_ids:
            marks.setdefault(node_id, []).append(Callout(action.number, action.risk))
    return marks


def service_label(architecture: Architecture, node_ids: tuple[str, ...]) -> str:
    return (
        ", ".join(architecture.nodes[n].label for n in node_ids if n in architecture.nodes) or "whole design"
    )
