"""The review as one self-contained HTML file: the diagram embedded, no external assets, no script, all text escaped."""

from __future__ import annotations

from html import escape

from archbuilder.catalog import Citation
from archbuilder.exporters.report.gather import SEVERITY_ORDER, Review, service_label
from archbuilder.model import Architecture
from archbuilder.validation import Pillar

CSS = """
body{font-family:-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:#232f3e;max-width:1100px;margin:2em auto;padding:0 1em;line-height:1.45}
h1{margin-bottom:.2em}h2{border-bottom:2px solid #ff9900;padding-bottom:.2em;margin-top:2em}
table{border-collapse:collapse;width:100%;margin:.6em 0}th,td{border:1px solid #d5dbdb;padding:.35em .5em;text-align:left;vertical-align:top}
th{background:#f2f3f3}.muted{color:#687078}.sev{font-weight:bold;text-transform:uppercase;font-size:.8em}
.error{color:#d13212}.warning{color:#b7700b}.info{color:#0073bb}.score{font-size:2.4em;font-weight:bold}
img.diagram{max-width:100%;border:1px solid #d5dbdb}.cite{font-size:.85em;color:#687078}
"""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def cited(citation: Citation) -> str:
    """The guide and section, linked to the public source where there is one."""
    if citation.url is None:
        return _e(citation.title)
    return f'<a href="{_e(citation.url)}">{_e(citation.title)}</a>'


def render_html(review: Review, architecture: Architecture) -> str:
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{_e(review.title)} — architecture review</title><style>{CSS}</style></head><body>",
        f"<h1>{_e(review.title)}</h1>",
    ]
    if review.date:
        parts.append(f'<p class="muted">Review of {_e(review.date)}</p>')
    if review.description:
        parts.append(f"<p>{_e(review.description)}</p>")
    result = review.result
    parts.append(
        f"<p><strong>{len([f for f in result.active if f.severity.value == 'error'])}</strong> errors · "
        f"<strong>{len([f for f in result.active if f.severity.value == 'warning'])}</strong> warnings · "
        f"<strong>{len([f for f in result.active if f.severity.value == 'info'])}</strong> notes · "
        f"lock-in <strong>{result.lockin.score}/100</strong></p>"
    )
    parts.append("<h2>Diagram</h2>")
    uri = review.diagram_data_uri()
    parts.append(
        f'<img class="diagram" alt="Architecture diagram" src="{uri}">'
        if uri
        else f'<p class="muted">{_e(review.diagram_note)}</p>'
    )

    parts.append(
        "<h2>Inventory</h2>"
        f"<p>{len(review.inventory)} services: {_e(review.category_summary())}</p>"
        "<table><tr><th>Where</th><th>Service</th><th>Name</th><th>Category</th></tr>"
    )
    parts += [
        f"<tr><td>{_e(r.container)}</td><td>{_e(r.service)}</td><td>{_e(r.label)}</td><td>{_e(r.category)}</td></tr>"
        for r in review.inventory
    ]
    parts.append("</table>")

    parts.append("<h2>Findings by Well-Architected pillar</h2>")
    for pillar in Pillar:
        findings = review.by_pillar.get(pillar, [])
        parts.append(f'<h3 id="{pillar.value}">{_e(pillar.heading)} ({len(findings)})</h3>')
        if not findings:
            parts.append('<p class="muted">No findings.</p>')
            continue
        parts.append(
            "<table><tr><th>Severity</th><th>Rule</th><th>Finding</th><th>Remediation</th><th>Source</th></tr>"
        )
        for severity in SEVERITY_ORDER:
            for f in (f for f in findings if f.severity is severity):
                parts.append(
                    f'<tr><td class="sev {f.severity.value}">{f.severity.value}</td><td>{_e(f.rule_id)}</td>'
                    f'<td>{_e(f.message)}<br><span class="muted">{_e(service_label(architecture, f.node_ids))}</span></td>'
                    f'<td>{_e(f.remediation)}</td><td class="cite">{cited(f.source)}</td></tr>'
                )
        parts.append("</table>")
    if review.suppressed:
        parts.append(
            "<h3>Suppressed findings</h3><table><tr><th>Rule</th><th>Finding</th><th>Reason</th></tr>"
        )
        parts += [
            f"<tr><td>{_e(f.rule_id)}</td><td>{_e(f.message)}</td><td>{_e(f.suppression_reason)}</td></tr>"
            for f in review.suppressed
        ]
        parts.append("</table>")

    parts.append(
        f'<h2>Vendor lock-in</h2><p><span class="score">{result.lockin.score}</span>/100 '
        '<span class="muted">(mean of the services\' ratings: none 0, low 1, medium 2, high 3, scaled to 100)</span></p>'
    )
    parts.append(
        '<table id="lockin"><tr><th>Service</th><th>Rating</th><th>Why</th><th>Alternatives</th><th>Source</th></tr>'
    )
    for s in review.top_lockin or result.lockin.services[:10]:
        alternatives = (
            ", ".join(f"{a.name} ({a.kind.replace('_', ' ')})" for a in s.alternatives) or "none named"
        )
        parts.append(
            f'<tr><td>{_e(s.label)}<br><span class="muted">{_e(s.service_name)}</span></td><td>{_e(s.rating)}</td>'
            f'<td>{_e(s.rationale)}</td><td>{_e(alternatives)}</td><td class="cite">{cited(s.source)}</td></tr>'
        )
    parts.append("</table><h3>By category</h3><table><tr><th>Category</th><th>Score</th></tr>")
    parts += [
        f"<tr><td>{_e(c.replace('_', ' '))}</td><td>{score}</td></tr>"
        for c, score in result.lockin.by_category.items()
    ]
    parts.append("</table>")

    parts.append("<h2>Tips from the guides</h2>")
    for service, tips in review.tips_by_service():
        parts.append(f"<h3>{_e(service)}</h3><ul>")
        parts += [f'<li>{_e(t.text)} <span class="cite">— {cited(t.source)}</span></li>' for t in tips]
        parts.append("</ul>")
    parts.append('<p class="muted">Generated by archbuilder.</p></body></html>')
    return "\n".join(parts) + "\n"
