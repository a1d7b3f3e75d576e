"""A design comparison as text and as one self-contained HTML page with both diagrams, differences marked."""

from __future__ import annotations

from html import escape

from archbuilder.compare.designs import DesignComparison
from archbuilder.cost.formats import money
from archbuilder.model import Architecture, ServiceNode
from archbuilder.model.nodes import SERVICE_HEIGHT, SERVICE_WIDTH
from archbuilder.model.usage import Scenario

ADDED, REMOVED, CHANGED = "#1a7f37", "#cf222e", "#bf8700"
_CONTAINER_STROKE = {"region": "#5a6b86", "vpc": "#248814", "az": "#5a6b86", "subnet": "#147eba"}


def signed_money(amount: float) -> str:
    return ("+" if amount >= 0.005 else "−" if amount <= -0.005 else "±") + money(abs(amount))


def to_text(comparison: DesignComparison) -> str:
    out = [f"{comparison.before_name} → {comparison.after_name}"]
    for node in comparison.added:
        out.append(f"  added    {node.id} “{node.label}” ({node.type})")
    for node in comparison.removed:
        out.append(f"  removed  {node.id} “{node.label}” ({node.type})")
    for change in comparison.changed:
        out.append(f"  changed  {change.node_id} “{change.label}”: {'; '.join(change.changes)}")
    out.append(f"Findings: {len(comparison.raised)} raised, {len(comparison.resolved)} resolved")
    for finding in comparison.raised:
        out.append(f"  raised   {finding.severity.value.upper():7} {finding.rule_id} {finding.message}")
    for finding in comparison.resolved:
        out.append(f"  resolved {finding.severity.value.upper():7} {finding.rule_id} {finding.message}")
    out.append(
        f"Lock-in: {comparison.lockin_before}/100 → {comparison.lockin_after}/100 ({comparison.lockin_delta:+d})"
    )
    for scenario in Scenario:
        out.append(
            f"Cost at {scenario.value} usage: {money(comparison.cost_before[scenario])} → "
            f"{money(comparison.cost_after[scenario])} a month ({signed_money(comparison.cost_delta(scenario))})"
        )
    return "\n".join(out) + "\n"


def to_html(comparison: DesignComparison, before: Architecture, after: Architecture) -> str:
    """One page, no external files; every text from the designs is escaped."""
    marks_before, marks_after = marks(comparison)
    title = f"{comparison.before_name} → {comparison.after_name}"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>"
        f'<h1>{escape(title)}</h1>{summary_html(comparison)}<h2>Diagrams</h2><div class="diagrams">'
        f"<figure><figcaption>Before</figcaption>{diagram_svg(before, marks_before)}</figure>"
        f"<figure><figcaption>After</figcaption>{diagram_svg(after, marks_after)}</figure>"
        "</div></body></html>\n"
    )


def marks(comparison: DesignComparison) -> tuple[dict[str, str], dict[str, str]]:
    """The colour of each service to outline in the before and after diagrams."""
    before = {node.id: REMOVED for node in comparison.removed}
    after = {node.id: ADDED for node in comparison.added}
    for change in comparison.changed:
        before[change.node_id] = after[change.node_id] = CHANGED
    return before, after


def summary_html(comparison: DesignComparison) -> str:
    """Services, findings, lock-in and the cost table, as HTML (the page's body and the app's Compare window)."""
    rows = "".join(
        f"<tr><td>{scenario.value}</td><td>{money(comparison.cost_before[scenario])}</td>"
        f"<td>{money(comparison.cost_after[scenario])}</td><td>{signed_money(comparison.cost_delta(scenario))}</td></tr>"
        for scenario in Scenario
    )
    return (
        f'<p class="legend"><span style="color:{ADDED}">■ added</span> <span style="color:{REMOVED}">■ removed'
        f'</span> <span style="color:{CHANGED}">■ changed</span></p>'
        "<h2>Services</h2><ul>"
        + "".join(f'<li class="added">added {_service(node)}</li>' for node in comparison.added)
        + "".join(f'<li class="removed">removed {_service(node)}</li>' for node in comparison.removed)
        + "".join(
            f'<li class="changed">changed <b>{escape(change.label)}</b>: {escape("; ".join(change.changes))}</li>'
            for change in comparison.changed
        )
        + "</ul><h2>Findings</h2><ul>"
        + "".join(f'<li class="added">raised {_finding(finding)}</li>' for finding in comparison.raised)
        + "".join(
            f'<li class="resolved">resolved {_finding(finding)}</li>' for finding in comparison.resolved
        )
        + f"</ul><h2>Lock-in</h2><p>{comparison.lockin_before}/100 → {comparison.lockin_after}/100 "
        f"({comparison.lockin_delta:+d})</p>"
        "<h2>Monthly cost</h2><table><tr><th>Usage</th><th>Before</th><th>After</th><th>Change</th></tr>"
        f"{rows}</table>"
    )


def _service(node: ServiceNode) -> str:
    return f"<b>{escape(node.label)}</b> ({escape(node.type)})"


def _finding(finding: object) -> str:
    rule_id, severity, message = (getattr(finding, name) for name in ("rule_id", "severity", "message"))
    return f"<code>{escape(rule_id)}</code> {escape(severity.value)}: {escape(message)}"


def diagram_svg(architecture: Architecture, marks: dict[str, str]) -> str:
    """The canvas as drawn (containers nested at their positions), each marked service outlined in its colour."""
    origin: dict[str, tuple[float, float]] = {}

    def position(node_id: str) -> tuple[float, float]:
        if node_id not in origin:
            node = architecture.node(node_id)
            base = position(node.parent_id) if node.parent_id else (0.0, 0.0)
            origin[node_id] = (base[0] + node.x, base[1] + node.y)
        return origin[node_id]

    shapes: list[str] = []
    right, bottom = 100.0, 100.0
    for node in architecture.nodes.values():
        x, y = position(node.id)
        if isinstance(node, ServiceNode):
            width, height = SERVICE_WIDTH, SERVICE_HEIGHT
            colour = marks.get(node.id)
            stroke = f'stroke="{colour}" stroke-width="4"' if colour else 'stroke="#8c959f" stroke-width="1"'
            kind = architecture.catalog.get(node.type).short_name
            # A service spanning subnets is drawn in each, dashed where it is a copy, as on the canvas.
            copies = [(x, y, "")] + [
                (position(subnet)[0] + node.x, position(subnet)[1] + node.y, ' stroke-dasharray="5 3"')
                for subnet in node.extra_subnet_ids
            ]
            for left, top, dash in copies:
                shapes.append(
                    f'<g><rect x="{left:.0f}" y="{top:.0f}" width="{width:.0f}" height="{height:.0f}" rx="6" '
                    f'fill="#ffffff" {stroke}{dash}/>{_label(left, top, width, height, node.label, kind)}</g>'
                )
        else:
            width, height = node.width, node.height
            shapes.insert(
                0,
                f'<rect x="{x:.0f}" y="{y:.0f}" width="{width:.0f}" height="{height:.0f}" fill="none" '
                f'stroke="{_CONTAINER_STROKE[node.kind]}" stroke-dasharray="{"6 4" if node.kind in ("region", "az") else "none"}"/>'
                f'<text x="{x + 6:.0f}" y="{y + 16:.0f}" class="container">{escape(node.label)}</text>',
            )
        right, bottom = max(right, x + width), max(bottom, y + height)
    background = f'<rect x="-10" y="-10" width="{right + 20:.0f}" height="{bottom + 20:.0f}" fill="#ffffff"/>'
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="-10 -10 {right + 20:.0f} {bottom + 20:.0f}" '
        f'width="{(right + 20) / 2:.0f}">{background}{"".join(shapes)}</svg>'
    )


def _label(x: float, y: float, width: float, height: float, label: str, kind: str) -> str:
    return (
        f'<text x="{x + width / 2:.0f}" y="{y + height / 2 - 4:.0f}" text-anchor="middle">{escape(label[:18])}</text>'
        f'<text x="{x + width / 2:.0f}" y="{y + height / 2 + 14:.0f}" text-anchor="middle" class="type">'
        f"{escape(kind[:18])}</text>"
    )


_STYLE = (
    "body{font-family:sans-serif;margin:2em;color:#1f2328}h1{font-size:1.4em}table{border-collapse:collapse}"
    "td,th{border:1px solid #d0d7de;padding:4px 10px;text-align:right}td:first-child{text-align:left}"
    f".added{{color:{ADDED}}}.removed{{color:{REMOVED}}}.changed{{color:{CHANGED}}}.resolved{{color:#57606a}}"
    ".diagrams{display:flex;gap:2em;flex-wrap:wrap}figure{margin:0}figcaption{font-weight:bold}"
    "svg text{font-size:12px;fill:#1f2328}svg text.type{font-size:10px;fill:#57606a}"
    "svg text.container{font-size:12px;fill:#57606a}"
)
