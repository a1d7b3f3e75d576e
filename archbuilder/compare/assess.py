"""One design's standing for a decision: its findings, its lock-in score and its cost in every scenario."""

from __future__ import annotations

from dataclasses import dataclass

from archbuilder.cost.estimate import CostEstimate, estimate
from archbuilder.graph import build
from archbuilder.model import Architecture
from archbuilder.model.usage import Scenario
from archbuilder.validation import Finding, validate
from archbuilder.validation.lockin import LockinScore


@dataclass
class Assessment:
    findings: list[Finding]  # active (unsuppressed) findings, sorted
    lockin: LockinScore
    costs: dict[Scenario, CostEstimate]

    def monthly(self, scenario: Scenario) -> float:
        return self.costs[scenario].total


def assess(architecture: Architecture) -> Assessment:
    """Validation, lock-in and the three cost scenarios over one graph of the design."""
    graph = build(architecture)
    result = validate(architecture)
    costs = {scenario: estimate(architecture, scenario, graph=graph) for scenario in Scenario}
    return Assessment([f for f in result.findings if not f.suppressed], result.lockin, costs)


FindingKey = tuple[str, tuple[str, ...]]


def finding_key(finding: Finding) -> FindingKey:
    """A finding is the same in two designs when the same rule finds it on the same services."""
    return (finding.rule_id, finding.node_ids)
