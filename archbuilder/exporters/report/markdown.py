"""The review as Markdown: the diagram beside it as diagram.png; document text escaped so it stays plain text."""

from __future__ import annotations

import re

from archbuilder.catalog import Citation
from archbuilder.exporters.report.gather import SEVERITY_ORDER, Review
from archbuilder.model import Architecture
from archbuilder.validation import Pillar

# Characters Markdown (or the HTML it may contain) would interpret; a backslash makes each one literal.
SPECIAL = re.compile(r"([\\`*_\[\]{}<>|#!&~])")


def cell(text: object) -> str:
    """Text as literal Markdown on one line."""
    return SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def cited(citation: Citation) -> str:
    """The guide and section as literal text, a link to the public source where there is one."""
    if citation.url is None:
        return cell(citation.title)
    return f"[{cell(citation.title)}]({citation.url.replace('(', '%28').replace(')', '%29')})"


def render_markdown(review: Review, architecture: Architecture) -> str:
    lines = [f"# {cell(review.title)}", ""]
    if review.date:
        lines += [f"Review of {cell(review.date)}", ""]
    if review.description:
        lines += [cell(review.description), ""]
    lines += [
        f"Lock-in: **{review.result.lockin.score}/100**",
        "",
        "![Architecture diagram](diagram.png)",
        "",
        "## Inventory",
        "",
        f"{len(review.inventory)} services: {cell(review.category_summary())}",
        "",
        "| Where | Service | Name | Category |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| {cell(r.container)} | {cell(r.service)} | {cell(r.label)} | {cell(r.category)} |"
        for r in review.inventory
    ]
    lines += ["", "## Findings by Well-Architected pillar"]
    for pillar in Pillar:
        findings = review.by_pillar.get(pillar, [])
        lines += ["", f"### {pillar.heading} ({len(findings)})", ""]
        if not findings:
            lines.append("No findings.")
            continue
        lines += ["| Severity | Rule | Finding | Remediation | Source |", "|---|---|---|---|---|"]
        for severity in SEVERITY_ORDER:
            lines += [
                f"| {f.severity.value} | {cell(f.rule_id)} | {cell(f.message)} | {cell(f.remediation)} | {cited(f.source)} |"
                for f in findings
                if f.severity is severity
            ]
    if review.suppressed:
        lines += ["", "### Suppressed findings", "", "| Rule | Finding | Reason |", "|---|---|---|"]
        lines += [
            f"| {cell(f.rule_id)} | {cell(f.message)} | {cell(f.suppression_reason)} |"
            for f in review.suppressed
        ]
    lines += ["", "## Vendor lock-in", "", "| Service | Rating | Alternatives |", "|---|---|---|"]
    for s in review.top_lockin or review.result.lockin.services[:10]:
        alternatives = ", ".join(a.name for a in s.alternatives) or "none named"
        lines.append(f"| {cell(s.label)} | {s.rating} | {cell(alternatives)} |")
    lines += ["", "## Tips from the guides"]
    for service, tips in review.tips_by_service():
        lines += ["", f"### {cell(service)}", ""]
        lines += [f"- {cell(t.text)} — {cited(t.source)}" for t in tips]
    return "\n".join(lines) + "\n"
