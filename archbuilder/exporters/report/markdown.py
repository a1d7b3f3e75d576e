"""The review as Markdown: the diagram with its callouts beside it as diagram.png; document text escaped so it
stays plain text."""

from __future__ import annotations

import re

from archbuilder.catalog import Citation
from archbuilder.exporters.report.cost_section import section_markdown
from archbuilder.exporters.report.gather import SEVERITY_ORDER, Review, service_label
from archbuilder.exporters.report.priorities import RISK_TITLES
from archbuilder.model import Architecture
from archbuilder.validation import Pillar

# Characters Markdown (or the HTML it may contain) would interpret; a backslash makes each one literal.
SPECIAL = re.compile(r"([\\`*_\[\]{}<>|#!&~])")
# What makes a line a list item, a rule or a setext underline when it starts the line (`*`, `#`, `>` and `_`
# are escaped everywhere above).
LEADING_MARKER = re.compile(r"^(\d*)([-+=.)])")


def cell(text: object) -> str:
    """Text as literal Markdown on one line."""
    flat = SPECIAL.sub(r"\\\1", " ".join(str(text).split()))
    return LEADING_MARKER.sub(r"\1\\\2", flat)


def cited(citation: Citation) -> str:
    """The guide and section as literal text, a link to the public source where there is one."""
    if citation.url is None:
        return cell(citation.title)
    return f"[{cell(citation.title)}]({citation.url.replace('(', '%28').replace(')', '%29')})"


def render_markdown(review: Review, architecture: Architecture) -> str:
    lines = _title_page(review)
    lines += _summary(review)
    lines += _scorecard(review)
    lines += _actions(review, architecture)
    lines += _strengths(review)
    lines += _findings(review, architecture)
    lines += _lockin(review)
    lines += _cost(review)
    lines += _appendix(review)
    return "\n".join(lines) + "\n"


def _title_page(review: Review) -> list[str]:
    lines = ["*Architecture review*", "", f"# {cell(review.title)}", ""]
    if review.description:
        lines += [cell(review.description), ""]
    lines += [f"- **Design:** {cell(review.design_name)}", f"- **Scope:** {cell(review.scope)}"]
    lines += [f"- **Reviewer:** {cell(review.reviewer)}"] if review.reviewer else []
    lines += [f"- **Date:** {cell(review.date)}"] if review.date else []
    lines += ["", "**Assumptions**", ""] + [f"- {cell(a)}" for a in review.assumptions]
    return lines


def _summary(review: Review) -> list[str]:
    summary = review.summary
    lines = ["", "## Executive summary", "", "**What is at risk.** " + cell(summary.at_risk), ""]
    lines += ["**What it costs.** " + cell(summary.costs), "", "**What to do first.**", ""]
    lines += [f"{n}. {cell(step)}" for n, step in enumerate(summary.first, 1)] or ["Nothing to fix."]
    return lines


def _scorecard(review: Review) -> list[str]:
    lines = [
        "",
        "## Scorecard by pillar",
        "",
        "| Pillar | High risk | Medium risk | Improvements | Clean rules |",
    ]
    lines.append("|---|---|---|---|---|")
    lines += [
        f"| {s.pillar.heading} | {s.high} | {s.medium} | {s.low} | {s.clear} of {s.checked} |"
        for s in review.scorecard
    ]
    return lines


def _actions(review: Review, architecture: Architecture) -> list[str]:
    lines = ["", "## Top actions", ""]
    if review.top_actions:
        lines += ["| # | Action | Risk | Effort | Services | Source |", "|---|---|---|---|---|---|"]
        lines += [
            f"| {a.number} | **{cell(a.title)}** ({a.rule_id}): {cell(a.remediation)} | {a.risk} | {a.effort} | "
            f"{cell(a.where(architecture))} | {cited(a.source)} |"
            for a in review.top_actions
        ]
    else:
        lines.append("No finding calls for an action.")
    lines += ["", "![Architecture diagram with the numbers of the top actions](diagram.png)"]
    return lines


def _strengths(review: Review) -> list[str]:
    lines = [
        "",
        "## Strengths",
        "",
        "Risks the rules looked for in this design's services and did not find.",
        "",
    ]
    if not review.strengths:
        return [*lines, "No rule about these services came back clean."]
    lines += ["| Pillar | Checked and not found | Services |", "|---|---|---|"]
    lines += [
        f"| {s.pillar.heading} | {cell(s.risk)} ({s.rule_id}) | {cell(', '.join(s.services))} |"
        for s in review.strengths
    ]
    return lines


def _findings(review: Review, architecture: Architecture) -> list[str]:
    lines = ["", "## Findings by pillar"]
    for pillar in Pillar:
        findings = review.by_pillar.get(pillar, [])
        lines += ["", f"### {pillar.heading} ({len(findings)})", ""]
        if not findings:
            lines.append("No findings.")
            continue
        lines += ["| Risk | Rule | Finding | Remediation | Source |", "|---|---|---|---|---|"]
        for severity in SEVERITY_ORDER:
            for f in (f for f in findings if f.severity is severity):
                action = review.action_of(f)
                rule = f"{f.rule_id} (action {action.number})" if action else f.rule_id
                lines.append(
                    f"| {RISK_TITLES[f.severity]} | {cell(rule)} | {cell(f.message)} "
                    f"({cell(service_label(architecture, f.node_ids))}) | {cell(f.remediation)} | {cited(f.source)} |"
                )
    if review.suppressed:
        lines += ["", "### Accepted risks", "", "| Rule | Finding | Reason |", "|---|---|---|"]
        lines += [
            f"| {cell(f.rule_id)} | {cell(f.message)} | {cell(f.suppression_reason)} |"
            for f in review.suppressed
        ]
    return lines


def _lockin(review: Review) -> list[str]:
    lockin = review.lockin
    lines = ["", "## Vendor lock-in", "", f"**{lockin.score}/100**: {cell(lockin.formula())}", ""]
    if lockin.rows:
        lines += [
            "| Service | In this design | Rating | Points | Why, and the way out |",
            "|---|---|---|---|---|",
        ]
        for row in lockin.rows:
            way_out = f" Alternatives: {row.alternatives_text()}" if row.alternatives else ""
            lines.append(
                f"| {cell(row.service_name)} | {cell(', '.join(row.labels))} | {row.rating} | "
                f"{row.points} × {len(row.labels)} = {row.total} | {cell(row.rationale + way_out)} |"
            )
    if lockin.portable:
        names = "; ".join(f"{r.service_name} ({', '.join(r.labels)})" for r in lockin.portable)
        lines += ["", f"Rated none (0 points, counted as services): {cell(names)}."]
    return lines


def _cost(review: Review) -> list[str]:
    return section_markdown(review.cost) if review.cost is not None else []


def _appendix(review: Review) -> list[str]:
    lines = [
        "",
        "## Appendix A: Inventory",
        "",
        f"{len(review.inventory)} services: {cell(review.category_summary())}",
    ]
    lines += ["", "| Where | Service | Name | Category |", "|---|---|---|---|"]
    lines += [
        f"| {cell(r.container)} | {cell(r.service)} | {cell(r.label)} | {cell(r.category)} |"
        for r in review.inventory
    ]
    lines += ["", "## Appendix B: The guides' tips for these services"]
    for service, tips in review.tips_by_service():
        lines += ["", f"### {cell(service)}", ""]
        lines += [f"- {cell(t.text)} — {cited(t.source)}" for t in tips]
    return lines
