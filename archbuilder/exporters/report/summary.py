"""The title page's scope and assumptions, and the executive summary in plain words: what is at risk, what it
costs, what to do first."""

from __future__ import annotations

from dataclasses import dataclass

from archbuilder.exporters.report.cost_section import CostSection
from archbuilder.exporters.report.priorities import Action
from archbuilder.exporters.report.scorecard import PillarScore
from archbuilder.model import Architecture, AvailabilityZoneNode, RegionNode, VpcNode

FIRST_STEPS = 3


@dataclass(frozen=True)
class ExecutiveSummary:
    at_risk: str
    costs: str
    first: tuple[str, ...]  # the first actions, as sentences


def counted(number: int, noun: str, plural: str | None = None) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {plural or noun + 's'}"


def default_scope(architecture: Architecture) -> str:
    """What the review covers, read from the design: services, regions, VPCs, zones, environment."""
    nodes = list(architecture.nodes.values())
    regions = sorted({n.region for n in nodes if isinstance(n, RegionNode)})
    vpcs = sum(1 for n in nodes if isinstance(n, VpcNode))
    zones = len({n.zone for n in nodes if isinstance(n, AvailabilityZoneNode)})
    parts = [
        f"{counted(len(architecture.services()), 'service')} and "
        f"{counted(len(architecture.connections), 'connection')} of the "
        f"{architecture.metadata.environment.value} design"
    ]
    if regions:
        parts.append(f"in {counted(len(regions), 'region')} ({', '.join(regions)})")
    if vpcs:
        parts.append(f"{counted(vpcs, 'VPC')} across {counted(zones, 'availability zone')}")
    return ", ".join(parts) + "."


def default_assumptions(rules: int, cost: CostSection | None) -> tuple[str, ...]:
    found = [
        "The design is reviewed as drawn: a setting the document does not state is taken at its catalog default.",
        f"{counted(rules, 'rule')} from the cited guides were checked; each finding names the passage it "
        "comes from, and rules follow AWS as it is now where a guide has aged.",
        "Accepted risks (suppressed findings) are listed with the team's reasons and left out of the counts.",
    ]
    if cost is not None:
        found.append(f"Costs: {cost.basis}")
    return tuple(found)


def executive_summary(
    architecture: Architecture,
    scores: list[PillarScore],
    actions: list[Action],
    lockin_score: int,
    cost: CostSection | None,
) -> ExecutiveSummary:
    return ExecutiveSummary(
        at_risk=_at_risk(architecture, scores, actions),
        costs=_costs(scores, lockin_score, cost),
        first=tuple(
            f"{a.remediation} ({a.where(architecture)}; {a.effort} effort)" for a in actions[:FIRST_STEPS]
        ),
    )


def _at_risk(architecture: Architecture, scores: list[PillarScore], actions: list[Action]) -> str:
    high, medium = sum(s.high for s in scores), sum(s.medium for s in scores)
    services = counted(len(architecture.services()), "service")
    if high + medium == 0:
        return f"No high or medium risk was found in the {services} of this design."
    worst = sorted((s for s in scores if s.risks), key=lambda s: (-s.high, -s.risks))[:2]
    where = " and ".join(s.pillar.heading.lower() for s in worst)
    text = (
        f"The review found {counted(high, 'high risk')} and {counted(medium, 'medium risk')} in the {services} "
        f"of this design, most of them in {where}."
    )
    serious = [a.findings[0].message for a in actions if a.risk in ("high", "medium")][:2]
    if serious:
        text += " Most serious: " + "; ".join(serious) + "."
    return text


def _costs(scores: list[PillarScore], lockin_score: int, cost: CostSection | None) -> str:
    parts = [cost.headline] if cost is not None else []
    cost_findings = next(s for s in scores if s.pillar.value == "cost_optimization")
    if cost_findings.risks or cost_findings.low:
        number = cost_findings.risks + cost_findings.low
        verb = "points" if number == 1 else "point"
        parts.append(f"{counted(number, 'finding')} {verb} at money spent for nothing (cost optimization).")
    level = "low" if lockin_score < 34 else "moderate" if lockin_score < 67 else "high"
    parts.append(f"Lock-in is {level} ({lockin_score}/100): it measures what leaving AWS would take.")
    return " ".join(parts)
