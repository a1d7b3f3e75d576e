"""The review as slides, read back with python-pptx: the slides, their editable text, the callouts and the chart."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.presentation import Presentation as Deck

from archbuilder.cli.main import main
from tests.exporters.report.support import MVP, mvp_review


@pytest.fixture(scope="module")
def deck(tmp_path_factory: pytest.TempPathFactory) -> Deck:
    out = tmp_path_factory.mktemp("pptx")
    args = ["report", str(MVP), "-o", str(out), "--format", "pptx", "--date", "2026-03-02"]
    assert main([*args, "--title", "Design review: MVP", "--reviewer", "Dana Reviewer"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["report.pptx"]
    return Presentation(str(Path(out) / "report.pptx"))


def _titles(deck: Deck) -> list[str]:
    return [slide.shapes.title.text if slide.shapes.title is not None else "" for slide in deck.slides]


def test_the_slides_are_title_summary_diagram_scorecard_one_per_action_and_the_appendix(deck: Deck) -> None:
    review, _architecture = mvp_review()
    findings = len(review.result.active)
    appendix = [
        f"Appendix: findings {s + 1}–{min(s + 9, findings)} of {findings}" for s in range(0, findings, 9)
    ]
    assert _titles(deck) == [
        "Design review: MVP",
        "Executive summary",
        "The design",
        "Scorecard by pillar",
        *(f"{a.number}. {a.title}" for a in review.top_actions),
        *appendix,
        f"Appendix: vendor lock-in {review.result.lockin.score}/100",
    ]
    assert deck.core_properties.title == "Design review: MVP — architecture review"
    subtitle = deck.slides[0].placeholders[1].text_frame.text
    assert (
        subtitle
        == "Architecture review of Startup MVP (flawed on purpose)\nReviewer: Dana Reviewer\n2026-03-02"
    )


def test_only_the_diagram_is_a_picture_every_word_is_text(deck: Deck) -> None:
    pictures = [
        (index, shape.name)
        for index, slide in enumerate(deck.slides)
        for shape in slide.shapes
        if shape.shape_type == MSO_SHAPE_TYPE.PICTURE
    ]
    assert [index for index, _name in pictures] == [2]
    summary = "\n".join(s.text_frame.text for s in deck.slides[1].shapes if s.has_text_frame)
    review, _architecture = mvp_review()
    assert review.summary.at_risk in summary and review.summary.costs in summary
    assert all(step in summary for step in review.summary.first)


def test_the_diagram_slide_carries_a_callout_shape_per_action_and_service(deck: Deck) -> None:
    review, _architecture = mvp_review()
    assert review.diagram is not None
    callouts = sorted(
        (shape.name, shape.text_frame.text)
        for shape in deck.slides[2].shapes
        if shape.shape_type == MSO_SHAPE_TYPE.AUTO_SHAPE
    )
    expected = sorted(
        (f"Callout {a.number}", str(a.number))
        for a in review.top_actions
        for node in a.node_ids
        if node in review.diagram.boxes
    )
    assert callouts == expected and len(expected) == sum(len(a.node_ids) for a in review.top_actions)


def test_the_scorecard_is_an_editable_chart_of_high_and_medium_risks(deck: Deck) -> None:
    review, _architecture = mvp_review()
    chart = next(s.chart for s in deck.slides[3].shapes if s.has_chart)
    plot = chart.plots[0]
    assert list(plot.categories) == [s.pillar.heading for s in review.scorecard]
    assert [(series.name, list(series.values)) for series in plot.series] == [
        ("High risk", [float(s.high) for s in review.scorecard]),
        ("Medium risk", [float(s.medium) for s in review.scorecard]),
    ]


def test_each_action_slide_says_what_to_do_where_and_links_its_source(deck: Deck) -> None:
    review, architecture = mvp_review()
    for action, slide in zip(review.top_actions, list(deck.slides)[4:], strict=False):
        text = "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)
        assert f"What to do: {action.remediation}" in text
        assert f"Services: {action.where(architecture)}" in text
        assert all(f"• {finding.message}" in text for finding in action.findings)
        source = next(
            s for s in slide.shapes if s.has_text_frame and s.text_frame.text.startswith("Source: ")
        )
        run = source.text_frame.paragraphs[0].runs[0]
        assert run.text == f"Source: {action.source.title}"
        assert run.hyperlink.address == action.source.url


def test_the_appendix_lists_every_active_finding(deck: Deck) -> None:
    review, _architecture = mvp_review()
    rows = []
    for slide in deck.slides:
        if slide.shapes.title is not None and slide.shapes.title.text.startswith("Appendix: findings"):
            table = next(s.table for s in slide.shapes if s.has_table)
            rows += [(table.cell(r, 1).text, table.cell(r, 2).text) for r in range(1, len(table.rows))]
    assert rows == [(f.rule_id, f.message) for f in review.result.active]
