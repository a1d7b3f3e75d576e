"""A design comparison as text and as one self-contained HTML page with both diagrams, differences marked."""

from __future__ import annotations

from html import escape

from archbuilder.compare.designs import DesignComparison
from archbuilder.compare.picture import diagram_svg
from archbuilder.cost.formats import money
from archbuilder.model import Architecture, Connection, ServiceNode
from archbuilder.model.usage import Scenario

ADDED, REMOVED, CHANGED = "#1a7f37", "#cf222e", "#bf8700"


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
    for connection in comparison.connections_added:
        out.append(f"  connected    {_link(connection)}")
    for connection in comparison.connections_removed:
        out.append(f"  disconnected {_link(connection)}")
    for link in comparison.connections_changed:
        out.append(f"  changed  {_link(link.after)}: {'; '.join(link.changes)}")
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
        f"<figure><figcaption>Before</figcaption>{diagram_svg(before, *marks_before)}</figure>"
        f"<figure><figcaption>After</figcaption>{diagram_svg(after, *marks_after)}</figure>"
        "</div></body></html>\n"
    )


Marks = tuple[dict[str, str], dict[str, str]]  # service id → colour, connection id → colour


def marks(comparison: DesignComparison) -> tuple[Marks, Marks]:
    """The colour of each service to outline and each connection to draw bold, in the before and after
    diagrams."""
    before = {node.id: REMOVED for node in comparison.removed}
    after = {node.id: ADDED for node in comparison.added}
    for change in comparison.changed:
        before[change.node_id] = after[change.node_id] = CHANGED
    lines_before = {connection.id: REMOVED for connection in comparison.connections_removed}
    lines_after = {connection.id: ADDED for connection in comparison.connections_added}
    for link in comparison.connections_changed:
        lines_before[link.before.id] = lines_after[link.after.id] = CHANGED
    return (before, lines_before), (after, lines_after)


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
        + "".join(f'<li class="added">connected {_link_html(c)}</li>' for c in comparison.connections_added)
        + "".join(
            f'<li class="removed">disconnected {_link_html(c)}</li>' for c in comparison.connections_removed
        )
        + "".join(
            f'<li class="changed">changed {_link_html(link.after)}: {escape("; ".join(link.changes))}</li>'
            for link in comparison.connections_changed
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


def _link(connection: Connection) -> str:
    return f"{connection.source_id} → {connection.target_id} ({connection.kind.value})"


def _link_html(connection: Connection) -> str:
    return f"<b>{escape(_link(connection))}</b>"


def _finding(finding: object) -> str:
    rule_id, severity, message = (getattr(finding, name) for name in ("rule_id", "severity", "message"))
    return f"<code>{escape(rule_id)}</code> {escape(severity.value)}: {escape(message)}"


_STYLE = (
    "body{font-family:sans-serif;margin:2em;color:#1f2328}h1{font-size:1.4em}table{border-collapse:collapse}"
    "td,th{border:1px solid #d0d7de;padding:4px 10px;text-align:right}td:first-child{text-align:left}"
    f".added{{color:{ADDED}}}.removed{{color:{REMOVED}}}.changed{{color:{CHANGED}}}.resolved{{color:#57606a}}"
    ".diagrams{display:flex;gap:2em}figure{margin:0;flex:1;min-width:0}figure svg{max-width:100%;height:auto}"
    "figcaption{font-weight:bold}"
)
