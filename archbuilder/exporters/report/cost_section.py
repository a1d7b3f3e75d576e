"""The review's cost section: what the design costs a month, by service, from the offline cost model.

The report renders a `CostSection` and knows nothing else of the cost model: this module is the one place where
the two meet, so the cost model can change what it says here without touching the report's writers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from archbuilder.cost.estimate import CostEstimate, estimate
from archbuilder.cost.formats import money, unconfirmed_caveat
from archbuilder.graph import build
from archbuilder.model import Architecture
from archbuilder.model.usage import Scenario

TOP_SERVICES = 8
TOP_DRIVERS = 5


@dataclass(frozen=True)
class CostSection:
    monthly: str  # "$177.37"
    headline: str  # one sentence for the executive summary
    basis: str  # scenario, prices and what is left out
    rows: tuple[tuple[str, str], ...]  # (service label, monthly), most expensive first
    notes: tuple[str, ...]  # what the estimate could not price, free-tier savings
    scenarios: tuple[tuple[str, str], ...] = ()  # ("low usage", "$156.67"), expected, high
    tiers: tuple[tuple[str, str], ...] = ()  # ("Public subnets", "$99.76"), tiers that cost something
    drivers: tuple[tuple[str, str, str], ...] = ()  # (service, what is billed, monthly): the largest lines


def cost_section(architecture: Architecture) -> CostSection:
    graph = build(architecture)
    by_scenario = {scenario: estimate(architecture, scenario, graph=graph) for scenario in Scenario}
    result = by_scenario[Scenario.EXPECTED]
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
        scenarios=tuple((f"{s.value} usage", money(by_scenario[s].total)) for s in Scenario),
        tiers=tuple((tier, money(total)) for tier, total in result.by_tier().items() if total >= 0.005),
        drivers=tuple(_drivers(result, labels)),
    )


def _drivers(result: CostEstimate, labels: dict[str, str]) -> list[tuple[str, str, str]]:
    """The largest lines of the bill: a service and what it is billed for ("NAT gateway a", "NAT gateway hours")."""
    lines = sorted(result.lines, key=lambda line: (-line.monthly, line.node_id, line.dimension))
    return [
        (labels.get(line.node_id, "Data transfer"), line.label, money(line.monthly))
        for line in lines[:TOP_DRIVERS]
        if line.monthly >= 0.005
    ]


def section_html(cost: CostSection) -> str:
    """The section as HTML; every text is escaped."""
    e = escape

    def rows(pairs: tuple[tuple[str, ...], ...]) -> str:
        return "".join("<tr>" + "".join(f"<td>{e(cell)}</td>" for cell in row) + "</tr>" for row in pairs)

    notes = "".join(f"<li>{e(note)}</li>" for note in cost.notes)
    return (
        f'<section id="cost"><h2>Cost</h2><p><span class="score">{e(cost.monthly)}</span> a month</p>'
        f"<p>{e(cost.basis)}</p>"
        f"<h3>By usage scenario</h3><table><thead><tr><th>Scenario</th><th>Monthly</th></tr></thead>"
        f"<tbody>{rows(cost.scenarios)}</tbody></table>"
        f"<h3>By tier</h3><table><thead><tr><th>Tier</th><th>Monthly</th></tr></thead><tbody>{rows(cost.tiers)}"
        "</tbody></table>"
        f"<h3>By service</h3><table><thead><tr><th>Service</th><th>Monthly</th></tr></thead>"
        f"<tbody>{rows(cost.rows)}</tbody></table>"
        "<h3>Top cost drivers</h3><table><thead><tr><th>Service</th><th>Billed for</th><th>Monthly</th></tr>"
        f"</thead><tbody>{rows(cost.drivers)}</tbody></table>"
        f"{'<ul>' + notes + '</ul>' if notes else ''}</section>"
    )


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}<>|#!&~])")  # the characters the report's Markdown escapes


def _cell(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def section_markdown(cost: CostSection) -> list[str]:
    """The section as Markdown lines; every text is literal."""

    def table(header: tuple[str, ...], rows: tuple[tuple[str, ...], ...]) -> list[str]:
        return [
            "| " + " | ".join(header) + " |",
            "|" + "---|" * len(header),
            *("| " + " | ".join(_cell(cell) for cell in row) + " |" for row in rows),
        ]

    lines = ["", "## Cost", "", f"**{_cell(cost.monthly)} a month.** {_cell(cost.basis)}", ""]
    lines += ["### By usage scenario", "", *table(("Scenario", "Monthly"), cost.scenarios), ""]
    lines += ["### By tier", "", *table(("Tier", "Monthly"), cost.tiers), ""]
    lines += ["### By service", "", *table(("Service", "Monthly"), cost.rows), ""]
    lines += ["### Top cost drivers", "", *table(("Service", "Billed for", "Monthly"), cost.drivers)]
    return lines + ([""] + [f"- {_cell(note)}" for note in cost.notes] if cost.notes else [])


def _notes(result: CostEstimate, labels: dict[str, str]) -> list[str]:
    notes = []
    caveat = unconfirmed_caveat(result)
    if caveat:
        notes.append(f"{caveat} archbuilder cost lists them.")
    if result.free_tier:
        notes.append(f"The free tier would cover {money(result.free_tier_total)} of it (not subtracted).")
    for node_id, reason in sorted(result.not_priced.items()):
        notes.append(f"Not priced: {labels.get(node_id, node_id)} ({reason})")
    for line in result.unpriced_lines:
        notes.append(f"No price for {labels.get(line.node_id, 'data transfer')} › {line.label}")
    return notes
