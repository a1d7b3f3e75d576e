"""The review as PDF: a title page, the contents, then the sections of the HTML report, laid out by reportlab."""

from __future__ import annotations

import io
from typing import Any

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, NextPageTemplate, PageBreak, Spacer

from archbuilder import __version__
from archbuilder.exporters.report.gather import SEVERITY_ORDER, Review, service_label
from archbuilder.exporters.report.pdf_kit import (
    FONT,
    FRAME_WIDTH,
    RISK_COLOURS,
    ReviewDocument,
    badge,
    cite_markup,
    cited,
    contents,
    heading,
    para,
    section,
    table,
    text,
)
from archbuilder.exporters.report.priorities import RISK, RISK_TITLES
from archbuilder.model import Architecture
from archbuilder.validation import Pillar

MAX_DIAGRAM_HEIGHT = 230 * mm  # a page's frame, less the caption


def render_pdf(review: Review, architecture: Architecture) -> bytes:
    out = io.BytesIO()
    document = ReviewDocument(
        out,
        title=f"{review.title} — architecture review",
        author=review.reviewer or "",
        subject=f"Architecture review of {review.design_name}",
        creator=f"archbuilder {__version__}",
    )
    story: list[Flowable] = [*_title_page(review), NextPageTemplate("body"), PageBreak()]
    story += [para("<b>Contents</b>", "h2"), contents(), PageBreak()]
    story += _summary(review) + _scorecard(review) + _actions(review, architecture) + _strengths(review)
    story += _findings(review, architecture) + _lockin(review) + _cost(review) + _appendix(review)
    document.multiBuild(story)
    return out.getvalue()


def _title_page(review: Review) -> list[Flowable]:
    facts = [("Design", review.design_name), ("Scope", review.scope)]
    facts += [("Reviewer", review.reviewer)] if review.reviewer else []
    facts += [("Date", review.date)] if review.date else []
    story: list[Flowable] = [
        Spacer(1, 40 * mm),
        para("ARCHITECTURE REVIEW", "kicker"),
        para(text(review.title), "title"),
    ]
    if review.description:
        story.append(para(text(review.description)))
    story.append(Spacer(1, 6 * mm))
    story += [para(f"<b>{text(label)}:</b> {text(value)}") for label, value in facts]
    story += [Spacer(1, 6 * mm), para("<b>Assumptions</b>")]
    story += [para(f"• {text(a)}") for a in review.assumptions]
    return story


def _summary(review: Review) -> list[Flowable]:
    summary = review.summary
    story = heading("Executive summary", 0, "summary", room=60 * mm)
    story += [
        para("<b>What is at risk.</b> " + text(summary.at_risk)),
        para("<b>What it costs.</b> " + text(summary.costs)),
    ]
    story.append(para("<b>What to do first.</b>"))
    story += [para(f"{n}. {text(step)}") for n, step in enumerate(summary.first, 1)] or [
        para("Nothing to fix.")
    ]
    return story


def _scorecard(review: Review) -> list[Flowable]:
    rows = [
        [s.pillar.heading, s.high, s.medium, s.low, f"{s.clear} of {s.checked}"] for s in review.scorecard
    ]
    header = ["Pillar", "High risk", "Medium risk", "Improvements", "Clean rules"]
    story = section(
        "Scorecard by pillar", 0, "scorecard", [], table(rows, [0.34, 0.14, 0.16, 0.16, 0.2], header)
    )
    return [*story, Spacer(1, 4 * mm), _chart(review)]


def _chart(review: Review) -> Drawing:
    """High then medium risks per pillar on one scale, drawn as vectors."""
    scores = review.scorecard
    most = max((s.risks for s in scores), default=0) or 1
    label, bar, row = 150.0, FRAME_WIDTH - 190, 16.0
    drawing = Drawing(FRAME_WIDTH, row * len(scores) + 18)
    for index, score in enumerate(reversed(scores)):
        y = 18 + index * row
        drawing.add(String(0, y + 3, score.pillar.heading, fontName=FONT, fontSize=8.5))
        drawing.add(Rect(label, y, bar, 11, fillColor=colors.HexColor("#eaeded"), strokeColor=None))
        high, medium = bar * score.high / most, bar * score.medium / most
        if high:
            drawing.add(
                Rect(label, y, high, 11, fillColor=colors.HexColor(RISK_COLOURS["high"]), strokeColor=None)
            )
        if medium:
            fill = colors.HexColor("#e07b00")
            drawing.add(Rect(label + high, y, medium, 11, fillColor=fill, strokeColor=None))
        drawing.add(String(label + bar + 6, y + 3, str(score.risks), fontName=FONT, fontSize=8.5))
    drawing.add(Rect(label, 2, 8, 8, fillColor=colors.HexColor(RISK_COLOURS["high"]), strokeColor=None))
    drawing.add(String(label + 12, 3, "high risk", fontName=FONT, fontSize=7.5))
    drawing.add(Rect(label + 70, 2, 8, 8, fillColor=colors.HexColor("#e07b00"), strokeColor=None))
    drawing.add(String(label + 82, 3, "medium risk", fontName=FONT, fontSize=7.5))
    return drawing


def _actions(review: Review, architecture: Architecture) -> list[Flowable]:
    if not review.top_actions:
        story = section("Top actions", 0, "actions", [para("No finding calls for an action.")])
    else:
        intro = "Ranked by risk, then by the effort the change takes. The numbers mark the services on the diagram."
        rows: list[list[Any]] = [
            [
                badge(a.number, a.risk),
                para(f"<b>{text(a.title)}</b> ({text(a.rule_id)})<br/>{text(a.remediation)}", "cell"),
                a.risk,
                a.effort,
                a.where(architecture),
                cited(a.source),
            ]
            for a in review.top_actions
        ]
        header = ["#", "Action", "Risk", "Effort", "Services", "Source"]
        actions = table(rows, [0.05, 0.37, 0.08, 0.1, 0.19, 0.21], header)
        story = section("Top actions", 0, "actions", [para(intro)], actions)
    story += _diagram(review)
    return story


def _diagram(review: Review) -> list[Flowable]:
    if review.diagram is None:
        return [para(text(review.diagram_note), "muted")]
    width, height = review.diagram.size
    scale = min(FRAME_WIDTH / width, MAX_DIAGRAM_HEIGHT / height, 1.5)
    image = Image(io.BytesIO(review.diagram.png), width * scale, height * scale)
    return [
        Spacer(1, 3 * mm),
        image,
        para("The design, with the top actions' numbers at the services they touch.", "muted"),
    ]


def _strengths(review: Review) -> list[Flowable]:
    intro = [para("Risks the rules looked for in this design's services and did not find.")]
    if not review.strengths:
        return section(
            "Strengths",
            0,
            "strengths",
            [*intro, para("No rule about these services came back clean.", "muted")],
        )
    rows = [[s.pillar.heading, f"{s.risk} ({s.rule_id})", ", ".join(s.services)] for s in review.strengths]
    found = table(rows, [0.22, 0.46, 0.32], ["Pillar", "Checked and not found", "Services"])
    return section("Strengths", 0, "strengths", intro, found)


def _findings(review: Review, architecture: Architecture) -> list[Flowable]:
    story = heading("Findings by pillar", 0, "findings", room=20 * mm)
    for pillar in Pillar:
        findings = review.by_pillar.get(pillar, [])
        title = f"{pillar.heading} ({len(findings)})"
        if not findings:
            story += section(title, 1, pillar.value, [para("No findings.", "muted")])
            continue
        rows: list[list[Any]] = []
        for severity in SEVERITY_ORDER:
            for f in (f for f in findings if f.severity is severity):
                action = review.action_of(f)
                rule = f"{f.rule_id} (action {action.number})" if action else f.rule_id
                risk = (
                    f'<font color="{RISK_COLOURS[RISK[f.severity]]}"><b>{RISK_TITLES[f.severity]}</b></font>'
                )
                where = text(service_label(architecture, f.node_ids))
                rows.append(
                    [
                        para(risk, "cell"),
                        rule,
                        para(f"{text(f.message)}<br/><font color='#687078'>{where}</font>", "cell"),
                        f.remediation,
                        cited(f.source),
                    ]
                )
        header = ["Risk", "Rule", "Finding", "Remediation", "Source"]
        story += section(title, 1, pillar.value, [], table(rows, [0.1, 0.11, 0.31, 0.28, 0.2], header))
    if review.suppressed:
        rows = [[f.rule_id, f.message, f.suppression_reason] for f in review.suppressed]
        story += section(
            "Accepted risks", 1, "accepted", [], table(rows, [0.12, 0.5, 0.38], ["Rule", "Finding", "Reason"])
        )
    return story


def _lockin(review: Review) -> list[Flowable]:
    lockin = review.lockin
    intro = [para(f"<b>{lockin.score}/100</b> — {text(lockin.formula())}")]
    story = section("Vendor lock-in", 0, "lockin", intro)
    if lockin.rows:
        rows: list[list[Any]] = []
        for row in lockin.rows:
            way_out = f"<br/>Alternatives: {text(row.alternatives_text())}" if row.alternatives else ""
            rows.append(
                [
                    row.service_name,
                    ", ".join(row.labels),
                    row.rating,
                    f"{row.points} × {len(row.labels)} = {row.total}",
                    para(text(row.rationale) + way_out, "cell"),
                    cited(row.source),
                ]
            )
        widths = [0.16, 0.15, 0.08, 0.1, 0.34, 0.17]
        header = ["Service", "In this design", "Rating", "Points", "Why, and the way out", "Source"]
        story = section("Vendor lock-in", 0, "lockin", intro, table(rows, widths, header))
    if lockin.portable:
        names = "; ".join(f"{r.service_name} ({', '.join(r.labels)})" for r in lockin.portable)
        story.append(para(f"Rated none (0 points, counted as services): {text(names)}."))
    return story


def _cost(review: Review) -> list[Flowable]:
    cost = review.cost
    if cost is None:
        return []
    intro = [para(f"<b>{text(cost.monthly)} a month.</b> {text(cost.basis)}")]
    story = section(
        "Cost",
        0,
        "cost",
        intro,
        table([list(row) for row in cost.scenarios], [0.7, 0.3], ["Scenario", "Monthly"]),
    )
    story += section(
        "By tier", 1, "cost-tiers", [], table([list(r) for r in cost.tiers], [0.7, 0.3], ["Tier", "Monthly"])
    )
    story += section(
        "By service",
        1,
        "cost-services",
        [],
        table([list(r) for r in cost.rows], [0.7, 0.3], ["Service", "Monthly"]),
    )
    drivers = table([list(r) for r in cost.drivers], [0.35, 0.45, 0.2], ["Service", "Billed for", "Monthly"])
    story += section("Top cost drivers", 1, "cost-drivers", [], drivers)
    return story + [para(f"• {text(note)}", "muted") for note in cost.notes]


def _appendix(review: Review) -> list[Flowable]:
    intro = [para(f"{len(review.inventory)} services: {text(review.category_summary())}")]
    rows = [[r.container, r.service, r.label, r.category] for r in review.inventory]
    inventory = table(rows, [0.42, 0.24, 0.2, 0.14], ["Where", "Service", "Name", "Category"])
    story = section("Appendix A: Inventory", 0, "inventory", intro, inventory)
    story += heading("Appendix B: The guides' tips for these services", 0, "tips")
    for index, (service, tips) in enumerate(review.tips_by_service()):
        story += heading(service, 1, f"tips-{index}", room=25 * mm)
        story += [
            para(f"• {text(tip.text)} <font size='7.5' color='#687078'>— {cite_markup(tip.source)}</font>")
            for tip in tips
        ]
    return story
