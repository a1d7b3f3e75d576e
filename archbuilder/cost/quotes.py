"""Cost findings that quote money: the monthly cost of the nodes a cost-optimization finding names."""

from __future__ import annotations

from dataclasses import replace

from archbuilder.cost.estimate import CostEstimate
from archbuilder.cost.formats import money
from archbuilder.validation.finding import Finding, Pillar


def quote_findings(findings: list[Finding], result: CostEstimate, labels: dict[str, str]) -> list[Finding]:
    """The findings, each cost finding followed by what its services cost: "(“NAT a” $41.22/month at expected
    usage)".

    Rules stay as they are; the estimate is computed beside validation and joined here, so a rule never needs
    the price table and the quote always follows the design's usage.
    """
    by_node = result.by_node()
    quoted = []
    for finding in findings:
        costs = [
            f"“{labels.get(node_id, node_id)}” {money(by_node[node_id])}/month"
            for node_id in finding.node_ids
            if by_node.get(node_id, 0.0) >= 0.005
        ]
        if finding.pillar is Pillar.COST_OPTIMIZATION and costs:
            suffix = f" ({', '.join(costs)} at {result.scenario.value} usage)"
            finding = replace(finding, message=finding.message + suffix)
        quoted.append(finding)
    return quoted
