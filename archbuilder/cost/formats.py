"""A cost estimate as text for people, JSON for scripts and CSV for spreadsheets."""

from __future__ import annotations

import csv
import io
from typing import Any

from archbuilder.cost.estimate import TRANSFER, CostEstimate, CostLine
from archbuilder.model import Architecture


def money(amount: float) -> str:
    return f"${amount:,.2f}"


def _quantity(number: float) -> str:
    return (
        f"{number:,.0f}"
        if number >= 100 or number == int(number)
        else f"{number:,.3f}".rstrip("0").rstrip(".")
    )


def _price(amount: float) -> str:
    return "$" + (f"{amount:.10f}".rstrip("0").rstrip(".") or "0")


def headline(architecture: Architecture, result: CostEstimate) -> str:
    return (
        f"{architecture.metadata.name}: {money(result.total)}/month at {result.scenario.value} usage "
        f"(on-demand list prices in {result.currency}, price table {result.table_version})"
    )


def unconfirmed_figures(result: CostEstimate) -> list[dict[str, Any]]:
    """The unconfirmed figures the estimate uses, each with the lines and the month's amount that rest on it."""
    figures: dict[tuple[str, str], dict[str, Any]] = {}
    for line in result.unconfirmed_lines:
        entry = figures.setdefault(
            (line.figure, line.region),
            {
                "figure": line.figure,
                "region": line.region,
                "unit_price": line.unit_price,
                "unit": line.unit,
                "lines": 0,
                "monthly": 0.0,
            },
        )
        entry["lines"] += 1
        entry["monthly"] += line.monthly
    return [figures[key] for key in sorted(figures)]


def unconfirmed_caveat(result: CostEstimate) -> str:
    """One sentence when the estimate rests on figures no dated public copy has confirmed; "" when it does not."""
    figures = unconfirmed_figures(result)
    if not figures:
        return ""
    amount = sum(figure["monthly"] for figure in figures)
    return (
        f"Includes {len(figures)} unconfirmed price figure(s), not yet checked against a dated public copy of "
        f"AWS's prices: {money(amount)} of the total rests on them."
    )


def to_text(architecture: Architecture, result: CostEstimate) -> str:
    out = [headline(architecture, result)]
    caveat = unconfirmed_caveat(result)
    if caveat:
        out.append(caveat)
    if result.free_tier:
        out.append(
            f"The free tier would cover {money(result.free_tier_total)} of it (shown apart, not subtracted)."
        )
    if result.unpriced_lines or result.not_priced:
        out.append("Not complete: some lines have no price (see below).")
    labels = {node.id: node.label for node in architecture.services()}
    out.append("")
    out.append(f"{'SERVICE':24} {'DIMENSION':44} {'QUANTITY':>22} {'UNIT PRICE':>12} {'MONTHLY':>11}")
    for line in result.lines:
        name = labels.get(line.node_id, "Data transfer") if line.node_id else "Data transfer"
        price = f"${line.unit_price:g}" if line.unit_price is not None else "no price"
        out.append(
            f"{name[:24]:24} {line.label[:44]:44} {_quantity(line.quantity) + ' ' + line.unit:>22} "
            f"{price:>12} {money(line.monthly):>11}"
        )
    out.append("")
    out.append(
        "By tier: " + "; ".join(f"{tier} {money(total)}" for tier, total in result.by_tier().items() if total)
    )
    for free in result.free_tier:
        out.append(
            f"Free tier: {free.label} — {_quantity(free.quantity)} of {_quantity(free.allowance)} {free.unit} "
            f"free, {money(free.monthly)}"
        )
    for line in result.unpriced_lines:
        out.append(f"No price: {labels.get(line.node_id, 'Data transfer')} › {line.label}: {line.note}")
    for figure in unconfirmed_figures(result):
        out.append(
            f"Unconfirmed price: {figure['figure']} in {figure['region']}, {_price(figure['unit_price'])}/{figure['unit']} "
            f"({figure['lines']} line(s), {money(figure['monthly'])})"
        )
    for node_id, reason in sorted(result.not_priced.items()):
        out.append(f"Not priced: {labels[node_id]}: {reason}")
    for node_id, reason in sorted(result.free_services.items()):
        out.append(f"No charge: {labels[node_id]}: {reason}")
    return "\n".join(out) + "\n"


def _line_json(line: CostLine) -> dict[str, Any]:
    return {
        "dimension": line.dimension,
        "description": line.label,
        "quantity": round(line.quantity, 6),
        "unit": line.unit,
        "unit_price": line.unit_price,
        "monthly": round(line.monthly, 2),
        "region": line.region,
        "source": line.source,
        "note": line.note,
        "price_confirmed": line.confirmed if line.priced else None,
    }


def to_json(architecture: Architecture, result: CostEstimate) -> dict[str, Any]:
    """Money rounded to the cent; each total is the rounded sum of the exact figures, not of rounded lines."""
    by_node = result.by_node()
    nodes = []
    for node in sorted(architecture.services(), key=lambda n: n.id):
        nodes.append(
            {
                "id": node.id,
                "label": node.label,
                "type": node.type,
                "tier": result.tiers.get(node.id, ""),
                "monthly": round(by_node.get(node.id, 0.0), 2),
                "lines": [_line_json(line) for line in result.node_lines(node.id)],
                "free_because": result.free_services.get(node.id, ""),
                "not_priced_because": result.not_priced.get(node.id, ""),
            }
        )
    return {
        "name": architecture.metadata.name,
        "scenario": result.scenario.value,
        "currency": result.currency,
        "price_table": result.table_version,
        "total": round(result.total, 2),
        "complete": not result.unpriced_lines and not result.not_priced,
        "prices_confirmed": not result.unconfirmed_lines,
        "unconfirmed_prices": [
            {**figure, "monthly": round(figure["monthly"], 2)} for figure in unconfirmed_figures(result)
        ],
        "by_tier": {tier: round(total, 2) for tier, total in result.by_tier().items()},
        "nodes": nodes,
        "transfer": [_line_json(line) for line in result.lines if line.service_type == TRANSFER],
        "free_tier": {
            "total": round(result.free_tier_total, 2),
            "lines": [
                {
                    "service_type": line.service_type,
                    "dimension": line.dimension,
                    "description": line.label,
                    "allowance": line.allowance,
                    "unit": line.unit,
                    "quantity": round(line.quantity, 6),
                    "monthly": round(line.monthly, 2),
                }
                for line in result.free_tier
            ],
        },
    }


CSV_COLUMNS = (
    "node_id",
    "label",
    "service_type",
    "tier",
    "region",
    "dimension",
    "description",
    "quantity",
    "unit",
    "unit_price",
    "monthly",
    "source",
    "note",
    "price_confirmed",
)


def to_csv(architecture: Architecture, result: CostEstimate) -> str:
    labels = {node.id: node.label for node in architecture.services()}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for line in result.lines:
        writer.writerow(
            (
                line.node_id,
                labels.get(line.node_id, "Data transfer"),
                line.service_type,
                result.tiers.get(line.node_id, "Data transfer"),
                line.region,
                line.dimension,
                line.label,
                f"{line.quantity:.6f}".rstrip("0").rstrip("."),
                line.unit,
                "" if line.unit_price is None else f"{line.unit_price:g}",
                f"{line.monthly:.2f}",
                line.source,
                line.note,
                "" if not line.priced else "yes" if line.confirmed else "no",
            )
        )
    return buffer.getvalue()
