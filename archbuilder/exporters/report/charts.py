"""The scorecard's small chart as SVG: one bar per pillar, high risks then medium risks, on one scale."""

from __future__ import annotations

from html import escape

from archbuilder.exporters.report.scorecard import PillarScore

HIGH, MEDIUM, TRACK = "#d13212", "#e07b00", "#eaeded"
LABEL_WIDTH, BAR_WIDTH, ROW, FONT = 190, 260, 22, 12


def scorecard_svg(scores: list[PillarScore]) -> str:
    """Inline SVG (text escaped), sized for a page column; a pillar with nothing shows an empty track."""
    most = max((s.risks for s in scores), default=0) or 1
    unit = BAR_WIDTH / most
    height = ROW * len(scores) + 24
    parts = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{LABEL_WIDTH + BAR_WIDTH + 40}" '
        f'height="{height}" role="img" aria-label="High and medium risks per pillar">'
    ]
    for index, score in enumerate(scores):
        y = index * ROW
        parts.append(
            f'<text x="0" y="{y + 15}" font-size="{FONT}">{escape(score.pillar.heading)}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y + 4}" width="{BAR_WIDTH}" height="14" fill="{TRACK}"/>'
        )
        high, medium = score.high * unit, score.medium * unit
        if high:
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{y + 4}" width="{high:.1f}" height="14" fill="{HIGH}"/>'
            )
        if medium:
            parts.append(
                f'<rect x="{LABEL_WIDTH + high:.1f}" y="{y + 4}" width="{medium:.1f}" height="14" fill="{MEDIUM}"/>'
            )
        parts.append(
            f'<text x="{LABEL_WIDTH + BAR_WIDTH + 6}" y="{y + 15}" font-size="{FONT}">{score.risks}</text>'
        )
    legend_y = ROW * len(scores) + 16
    parts.append(
        f'<rect x="{LABEL_WIDTH}" y="{legend_y - 10}" width="10" height="10" fill="{HIGH}"/>'
        f'<text x="{LABEL_WIDTH + 14}" y="{legend_y}" font-size="11">high risk</text>'
        f'<rect x="{LABEL_WIDTH + 90}" y="{legend_y - 10}" width="10" height="10" fill="{MEDIUM}"/>'
        f'<text x="{LABEL_WIDTH + 104}" y="{legend_y}" font-size="11">medium risk</text></svg>'
    )
    return "".join(parts)
