"""The PDF review's page furniture, with reportlab (pure Python, no display): fonts, styles, a table of contents,
an outline, "Page N of M" footers, tables that repeat their header, headings that never end a page."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import reportlab
from reportlab.graphics.shapes import Circle, Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from archbuilder.catalog import Citation

INK, MUTED, RULE, HEAD, LINK = "#232f3e", "#687078", "#d5dbdb", "#f2f3f3", "#0073bb"
RISK_COLOURS = {"high": "#d13212", "medium": "#c45500", "low": "#0073bb"}
MARGIN = 18 * mm
FRAME_WIDTH = A4[0] - 2 * MARGIN
# A heading needs this much room below it (itself, a table header and two rows), or it starts the next page.
HEADING_ROOM = 45 * mm


def _register_fonts() -> str:
    """Bitstream Vera, shipped inside reportlab: the same glyphs on every machine, embedded in the PDF."""
    if "Vera" not in pdfmetrics.getRegisteredFontNames():
        folder = Path(reportlab.__file__).resolve().parent / "fonts"
        for name in ("Vera", "VeraBd", "VeraIt", "VeraBI"):
            pdfmetrics.registerFont(TTFont(name, str(folder / f"{name}.ttf")))
        pdfmetrics.registerFontFamily(
            "Vera", normal="Vera", bold="VeraBd", italic="VeraIt", boldItalic="VeraBI"
        )
    return "Vera"


FONT = _register_fonts()


def _style(name: str, size: float, **extra: Any) -> ParagraphStyle:
    base: dict[str, Any] = {"fontName": FONT, "fontSize": size, "leading": size * 1.35, "textColor": INK}
    return ParagraphStyle(name, **{**base, **extra})


STYLES = {
    "body": _style("body", 9.5, spaceAfter=5),
    "cell": _style("cell", 8.2),
    "cite": _style("cite", 7.4, textColor=MUTED),
    "muted": _style("muted", 8.5, textColor=MUTED, spaceAfter=4),
    "kicker": _style("kicker", 10, textColor=MUTED, spaceAfter=6),
    "title": _style("title", 26, fontName="VeraBd", leading=32, spaceAfter=14),
    "h2": _style("h2", 15, fontName="VeraBd", spaceBefore=10, spaceAfter=6, keepWithNext=1),
    "h3": _style("h3", 11.5, fontName="VeraBd", spaceBefore=8, spaceAfter=4, keepWithNext=1),
    "toc1": _style("toc1", 10.5, leftIndent=0, spaceBefore=3),
    "toc2": _style("toc2", 9, leftIndent=14, textColor=MUTED),
}


def text(value: object) -> str:
    """Document text as literal Paragraph markup."""
    return escape(str(value))


def para(value: str, style: str = "body") -> Paragraph:
    """A paragraph of markup the caller built from `text()` pieces."""
    return Paragraph(value, STYLES[style])


def cite_markup(citation: Citation) -> str:
    """The guide and section, a link to the public source where there is one."""
    title = text(citation.title)
    if citation.url is None:
        return title
    return f'<link href={quoteattr(citation.url)} color="{LINK}">{title}</link>'


def cited(citation: Citation, style: str = "cite") -> Paragraph:
    return para(cite_markup(citation), style)


class Heading(Paragraph):
    """A section heading: it goes into the table of contents and the PDF outline."""

    def __init__(self, title: str, level: int, key: str) -> None:
        super().__init__(text(title), STYLES["h2" if level == 0 else "h3"])
        self.title, self.level, self.key = title, level, key


def heading(title: str, level: int, key: str, room: float = HEADING_ROOM) -> list[Flowable]:
    """The heading, moved to the next page when less than `room` is left under it."""
    return [CondPageBreak(room), Heading(title, level, key)]


def section(
    title: str, level: int, key: str, intro: list[Flowable], first: Table | None = None
) -> list[Flowable]:
    """A heading, the paragraphs that introduce the table under it, and the table: the heading moves to the next
    page unless it fits there with its introduction, the table's header and the table's first row."""
    needed = sum(f.wrap(FRAME_WIDTH, A4[1])[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in intro)
    needed += STYLES["h2" if level == 0 else "h3"].leading + 20
    if first is not None:
        first.wrap(FRAME_WIDTH, A4[1])
        needed += sum(first._rowHeights[:2])  # the header and the first row
    return [
        *heading(title, level, key, room=max(needed, 20 * mm)),
        *intro,
        *([first] if first is not None else []),
    ]


def table(rows: list[list[Any]], widths: list[float], header: list[str]) -> Table:
    """A table over the page width (widths are fractions), its header row repeated on every page it spans."""
    head = [para(f"<b>{text(h)}</b>", "cell") for h in header]
    body = [[c if isinstance(c, Flowable) else para(text(c), "cell") for c in row] for row in rows]
    result = Table([head, *body], colWidths=[w * FRAME_WIDTH for w in widths], repeatRows=1, splitInRow=1)
    result.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor(RULE)),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(HEAD)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return result


def badge(number: int, risk: str) -> Drawing:
    """The callout number as it appears on the diagram: white on the risk's colour."""
    drawing = Drawing(16, 16)
    drawing.add(Circle(8, 8, 7.5, fillColor=colors.HexColor(RISK_COLOURS[risk]), strokeColor=None))
    drawing.add(
        String(8, 5, str(number), fontName="VeraBd", fontSize=8, fillColor=colors.white, textAnchor="middle")
    )
    return drawing


def contents() -> TableOfContents:
    toc = TableOfContents(dotsMinLevel=0)
    toc.levelStyles = [STYLES["toc1"], STYLES["toc2"]]
    return toc


class ReviewDocument(BaseDocTemplate):
    """A title page without footer, then pages with the report's title and "Page N of M"."""

    def __init__(self, target: Any, title: str, **info: Any) -> None:
        super().__init__(
            target,
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN + 4 * mm,
            title=title,
            invariant=1,  # no creation time or random document id: the same review gives the same bytes
            **info,
        )
        frame = Frame(MARGIN, MARGIN + 4 * mm, FRAME_WIDTH, A4[1] - 2 * MARGIN - 4 * mm, id="body")
        self.addPageTemplates(
            [PageTemplate("title", [frame]), PageTemplate("body", [frame], onPage=self._footer)]
        )
        self.report_title = title
        self.page_total = 0  # known from the previous pass: the table of contents takes several

    def build(self, flowables: list[Flowable], *args: Any, **kwargs: Any) -> None:
        super().build(flowables, *args, **kwargs)
        # The last pass lays out exactly as the one before it (that is why it is the last), so this count is
        # the one its footers need.
        self.page_total = self.page

    def _footer(self, canvas: Canvas, _doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(colors.HexColor(MUTED))
        canvas.drawString(MARGIN, MARGIN - 2 * mm, self.report_title[:90])
        canvas.drawRightString(
            A4[0] - MARGIN, MARGIN - 2 * mm, f"Page {self.page} of {self.page_total or '?'}"
        )
        canvas.restoreState()

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Heading):
            self.canv.bookmarkPage(flowable.key)
            self.canv.addOutlineEntry(flowable.title, flowable.key, level=flowable.level, closed=False)
            self.notify("TOCEntry", (flowable.level, text(flowable.title), self.page, flowable.key))


def centred(value: str, style: str = "body") -> Paragraph:
    return Paragraph(value, ParagraphStyle(f"{style}-centred", parent=STYLES[style], alignment=TA_CENTER))
