"""The review's cost section: what the design costs a month, by service, from the offline cost model.

The report renders a `CostSection` and knows nothing else of the cost model: this module is the one place where
the two meet, so the cost model can change what it says here without touching the report's writers.
"""

from __future__ import annotations

from dataclasses import dataclass

from archbuilder.cost.estimate import CostEstimate, estimate
from archbuilder.cost.formats import money
from archbuilder.model import Architecture

TOP_SERVICES = 8


@dataclass(frozen=True)
class CostSection:
    monthly: str  # "$177.37"
    headline: str  # one sentence for the executive summary
    basis: str  # scenario, prices and what is left out
    rows: tuple[tuple[str, str], ...]  # (service label, monthly), most expensive first
    notes: tuple[str, ...]  # what the estimate could not price, free-tier savings


def cost_section(architecture: Architecture) -> CostSection:
    result = estimate(architecture)
    labels = {node.id: node.label for node in architecture.services()}
    by_node = sorted(result.by_node().items(), key=lambda item: (-item[1], labels.get(item[0], "")))
    rows = [
        (labels.get(node_id, node_id), money(total)) for node_id, total in by_node[:TOP_SERVICES] if total
    ]
    rest = sum(total for _node, total in by_node[TOP_SERVICES:])
    transfer = result.total - sum(total for _node, total in by_node)
    if rest:
        rows.append((f"{len(by_node) - TOP_SERVICES} more services", money(rest)))
    if transfer:
        rows.append(("Data transfer", money(transfer)))
    return CostSection(
        monthly=money(result.total),
        headline=(
            f"At expected usage the design costs about {money(result.total)} a month at on-demand list prices."
        ),
        basis=(
            f"{result.scenario.value.capitalize()} usage, on-demand list prices in {result.currency} from the "
            f"price table of {result.table_version}; `archbuilder cost` lists every line."
        ),
        rows=tuple(rows),
        notes=tuple(_notes(result, labels)),
    )


def _notes(result: CostEstimate, labels: dict[str, str]) -> list[str]:
    notes = []
    if result.free_tier:
        notes.append(f"The free tier would cover {money(result.free_tier_total)} of it (not subtracted).")
    for node_id, reason in sorted(result.not_priced.items()):
        notes.append(f"Not priced: {labels.get(node_id, node_id)} ({reason})")
    for line in result.unpriced_lines:
        notes.append(f"No price for {labels.get(line.node_id, 'data transfer')} › {line.label}")
    return notes
