"""The review as slides (python-pptx): a title slide, the summary, the diagram with its callouts, the scorecard,
one slide per top action and an appendix. Every word is editable text; the callouts and the chart are shapes."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any, cast

from pptx import Presentation
from pptx.chart.data import ChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import PP_ALIGN
from pptx.presentation import Presentation as Deck
from pptx.slide import Slide
from pptx.util import Emu, Inches, Length, Pt

from archbuilder.exporters.diagram.callouts import COLOURS, slots
from archbuilder.exporters.report.gather import Review, diagram_callouts
from archbuilder.exporters.report.priorities import RISK_TITLES, Action
from archbuilder.model import Architecture

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)  # 16:9
MARGIN = Inches(0.6)
INK, MUTED = RGBColor(0x23, 0x2F, 0x3E), RGBColor(0x68, 0x70, 0x78)
TITLE_ONLY, TITLE_SLIDE = 5, 0
ROWS_PER_SLIDE = 9
BODY_TOP = Inches(1.35)  # under a slide's title


def render_pptx(review: Review, architecture: Architecture) -> bytes:
    deck = Presentation()
    deck.slide_width, deck.slide_height = WIDTH, HEIGHT
    deck.core_properties.title = f"{review.title} — architecture review"
    deck.core_properties.author = review.reviewer or ""
    deck.core_properties.subject = f"Architecture review of {review.design_name}"
    _title_slide(deck, review)
    _summary_slide(deck, review)
    _diagram_slide(deck, review)
    _scorecard_slide(deck, review)
    for action in review.top_actions:
        _action_slide(deck, action, architecture)
    _appendix(deck, review, architecture)
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


def _slide(deck: Deck, title: str) -> Slide:
    slide = deck.slides.add_slide(deck.slide_layouts[TITLE_ONLY])
    heading = slide.shapes.title
    assert heading is not None
    heading.left, heading.top, heading.width, heading.height = (
        MARGIN,
        Inches(0.3),
        WIDTH - 2 * MARGIN,
        Inches(0.9),
    )
    heading.text = title
    paragraph = heading.text_frame.paragraphs[0]
    paragraph.alignment = PP_ALIGN.LEFT
    paragraph.runs[0].font.size, paragraph.runs[0].font.bold = Pt(30), True
    return slide


def _text(
    slide: Slide,
    lines: Iterable[tuple[str, int, bool]],
    top: Length = BODY_TOP,
    height: Length | None = None,
) -> None:
    """A text box of (text, size in points, bold) paragraphs under the title."""
    box = slide.shapes.add_textbox(
        MARGIN, top, Emu(WIDTH - 2 * MARGIN), height or Emu(HEIGHT - top - Inches(0.4))
    )
    frame = box.text_frame
    frame.word_wrap = True
    for index, (words, size, bold) in enumerate(lines):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text = words
        run.font.size, run.font.bold, run.font.color.rgb = Pt(size), bold, INK
        paragraph.space_after = Pt(6)


def _title_slide(deck: Deck, review: Review) -> None:
    slide = deck.slides.add_slide(deck.slide_layouts[TITLE_SLIDE])
    title, subtitle = slide.shapes.title, slide.placeholders[1]
    assert title is not None
    # The template's placeholders are laid out for 4:3; spread them over the wide slide.
    title.left, title.top, title.width, title.height = MARGIN, Inches(2.0), WIDTH - 2 * MARGIN, Inches(1.6)
    subtitle.left, subtitle.top, subtitle.width, subtitle.height = (
        MARGIN,
        Inches(3.8),
        WIDTH - 2 * MARGIN,
        Inches(2.0),
    )
    title.text = review.title
    facts = [f"Architecture review of {review.design_name}"]
    facts += [f"Reviewer: {review.reviewer}"] if review.reviewer else []
    facts += [review.date] if review.date else []
    subtitle.text = "\n".join(facts)


def _summary_slide(deck: Deck, review: Review) -> None:
    slide = _slide(deck, "Executive summary")
    summary = review.summary
    lines = [("What is at risk", 18, True), (summary.at_risk, 15, False), ("What it costs", 18, True)]
    lines += [(summary.costs, 15, False), ("What to do first", 18, True)]
    lines += [(f"{n}. {step}", 15, False) for n, step in enumerate(summary.first, 1)]
    _text(slide, lines)


def _diagram_slide(deck: Deck, review: Review) -> None:
    slide = _slide(deck, "The design")
    diagram = review.diagram
    if diagram is None:
        _text(slide, [(review.diagram_note, 16, False)])
        return
    width, height = diagram.size
    room_w, room_h = WIDTH - 2 * MARGIN, HEIGHT - Inches(1.5)
    scale = min(room_w / width, room_h / height)  # EMU per point of the drawing
    left = MARGIN + int((room_w - width * scale) / 2)
    top = Inches(1.3)
    slide.shapes.add_picture(
        io.BytesIO(diagram.plain_png), Emu(left), top, Emu(int(width * scale)), Emu(int(height * scale))
    )
    size = Inches(0.32)
    for node_id, marks in diagram_callouts(review.top_actions).items():
        box = diagram.boxes.get(node_id)
        if box is None:
            continue
        step = int(size * 1.1)
        for (across, down), mark in zip(slots(len(marks)), marks, strict=True):
            x = left + int((box.x + box.width) * scale) - across * step - size // 2
            y = top + int(box.y * scale) + down * step - size // 2
            _callout(slide, mark.number, mark.risk, Emu(x), Emu(y), size)


def _callout(slide: Slide, number: int, risk: str, left: Length, top: Length, size: Length) -> None:
    """The action's number in a disc of its risk's colour: a shape whose text stays editable."""
    disc = slide.shapes.add_shape(MSO_SHAPE.OVAL, left, top, size, size)
    disc.fill.solid()
    disc.fill.fore_color.rgb = RGBColor.from_string(COLOURS[risk].lstrip("#"))
    disc.line.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    frame = disc.text_frame
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
    paragraph = frame.paragraphs[0]
    paragraph.alignment = PP_ALIGN.CENTER
    run = paragraph.add_run()
    run.text = str(number)
    run.font.size, run.font.bold, run.font.color.rgb = Pt(11), True, RGBColor(0xFF, 0xFF, 0xFF)
    disc.name = f"Callout {number}"


def _scorecard_slide(deck: Deck, review: Review) -> None:
    slide = _slide(deck, "Scorecard by pillar")
    data = ChartData()
    data.categories = [s.pillar.heading for s in review.scorecard]
    data.add_series("High risk", [s.high for s in review.scorecard])
    data.add_series("Medium risk", [s.medium for s in review.scorecard])
    # add_chart gives the graphic frame that holds the chart (its type hint says the chart).
    frame = cast(
        Any,
        slide.shapes.add_chart(
            XL_CHART_TYPE.BAR_STACKED, MARGIN, Inches(1.3), Inches(7.2), Inches(5.6), data
        ),
    )
    chart = frame.chart
    chart.has_legend, chart.legend.position, chart.legend.include_in_layout = (
        True,
        XL_LEGEND_POSITION.BOTTOM,
        False,
    )
    for series, colour in zip(chart.series, (COLOURS["high"], "#e07b00"), strict=True):
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = RGBColor.from_string(colour.lstrip("#"))
    chart.category_axis.reverse_order = True  # the pillars read top to bottom in their usual order
    rows = [("Pillar", "High", "Medium", "Clean rules")]
    rows += [
        (s.pillar.heading, str(s.high), str(s.medium), f"{s.clear} of {s.checked}") for s in review.scorecard
    ]
    _table(slide, rows, Emu(MARGIN + Inches(7.4)), Inches(1.4), Inches(4.8), [2.2, 0.7, 0.9, 1.0])


def _table(
    slide: Slide, rows: Sequence[Sequence[str]], left: Length, top: Length, width: Length, inches: list[float]
) -> None:
    shape = slide.shapes.add_table(len(rows), len(rows[0]), left, top, width, Emu(Inches(0.3) * len(rows)))
    table = shape.table
    for column, size in enumerate(inches):
        table.columns[column].width = Inches(size)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            cell.text = value
            for paragraph in cell.text_frame.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(11 if r else 12)


def _action_slide(deck: Deck, action: Action, architecture: Architecture) -> None:
    slide = _slide(deck, f"{action.number}. {action.title}")
    corner = Emu(WIDTH - MARGIN - Inches(0.55))
    _callout(slide, action.number, action.risk, corner, Inches(0.45), Inches(0.55))
    lines = [
        (
            f"{RISK_TITLES[action.severity]} · {action.effort} effort · {action.pillar.heading} · {action.rule_id}",
            16,
            True,
        ),
        (f"Services: {action.where(architecture)}", 16, False),
        (f"What to do: {action.remediation}", 18, False),
        ("What was found:", 16, True),
    ]
    lines += [(f"• {finding.message}", 14, False) for finding in action.findings[:6]]
    if len(action.findings) > 6:
        lines.append((f"… and {len(action.findings) - 6} more, listed in the appendix", 14, False))
    _text(slide, lines, height=Inches(5.0))
    source = slide.shapes.add_textbox(MARGIN, Emu(HEIGHT - Inches(0.9)), Emu(WIDTH - 2 * MARGIN), Inches(0.5))
    run = source.text_frame.paragraphs[0].add_run()
    run.text = f"Source: {action.source.title}"
    run.font.size, run.font.color.rgb = Pt(12), MUTED
    if action.source.url:
        run.hyperlink.address = action.source.url


def _appendix(deck: Deck, review: Review, architecture: Architecture) -> None:
    findings = [
        (RISK_TITLES[f.severity], f.rule_id, f.message, f.pillar.heading) for f in review.result.active
    ]
    for start in range(0, len(findings), ROWS_PER_SLIDE):
        part = findings[start : start + ROWS_PER_SLIDE]
        slide = _slide(deck, f"Appendix: findings {start + 1}–{start + len(part)} of {len(findings)}")
        rows = [("Risk", "Rule", "Finding", "Pillar"), *part]
        _table(slide, rows, MARGIN, Inches(1.3), Emu(WIDTH - 2 * MARGIN), [1.4, 1.1, 7.6, 2.0])
    lockin = review.lockin
    slide = _slide(deck, f"Appendix: vendor lock-in {lockin.score}/100")
    lines = [(lockin.formula(), 14, False)]
    lines += [
        (
            f"{row.service_name} ({', '.join(row.labels)}): {row.rating}"
            + (f"; alternatives: {row.alternatives_text()}" if row.alternatives else ""),
            13,
            False,
        )
        for row in lockin.rows
    ]
    if review.cost is not None:
        lines += [(f"Cost: {review.cost.monthly} a month. {review.cost.basis}", 14, True)]
    _text(slide, lines)
