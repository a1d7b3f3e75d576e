"""A small round badge on an item: the worst severity of its open findings, their count, a tooltip listing them."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any, Protocol

from PySide6 import QtGui
from PySide6.QtGui import QBrush, QColor, QFont, QPen
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsItem, QGraphicsSimpleTextItem

from archbuilder.canvas.styles import SEVERITY_COLORS, SEVERITY_ORDER

BADGE_SIZE = 18.0


class FindingLike(Protocol):
    severity: Any  # "error" | "warning" | "info" (a str or a StrEnum)
    rule_id: str
    message: str
    suppressed: bool


def worst_severity(findings: Sequence[FindingLike]) -> str:
    present = {str(finding.severity) for finding in findings}
    return next((level for level in SEVERITY_ORDER if level in present), "info")


def findings_tooltip(findings: Sequence[FindingLike]) -> str:
    """Plain text, one finding per line, worst first (text from rules is never treated as HTML)."""

    def rank(finding: FindingLike) -> int:
        level = str(finding.severity)
        return SEVERITY_ORDER.index(level) if level in SEVERITY_ORDER else len(SEVERITY_ORDER)

    ordered = sorted(findings, key=rank)
    return "\n".join(f"{str(f.severity).upper()} [{f.rule_id}] {f.message}" for f in ordered)


class FindingBadge(QGraphicsEllipseItem):
    def __init__(self, findings: Sequence[FindingLike], parent: QGraphicsItem) -> None:
        super().__init__(0, 0, BADGE_SIZE, BADGE_SIZE, parent)
        self.setZValue(20)
        self.setPen(QPen(QColor("white"), 1.5))
        self._count = QGraphicsSimpleTextItem(self)
        font = QFont()
        font.setPointSizeF(7.5)
        font.setBold(True)
        self._count.setFont(font)
        self._count.setBrush(QBrush(QColor("white")))
        self.severity = "info"
        self.set_findings(findings)

    def set_findings(self, findings: Sequence[FindingLike]) -> None:
        self.findings = list(findings)
        self.severity = worst_severity(self.findings)
        self.setBrush(QBrush(SEVERITY_COLORS[self.severity]))
        # Qt shows a tooltip as rich text when it "looks like" HTML; escape-free plain text needs this wrapper.
        self.setToolTip(plain_tooltip(findings_tooltip(self.findings)))
        text = str(len(self.findings)) if len(self.findings) < 10 else "9+"
        self._count.setText(text)
        rect = self._count.boundingRect()
        self._count.setPos((BADGE_SIZE - rect.width()) / 2, (BADGE_SIZE - rect.height()) / 2)

    def set_show_count(self, visible: bool) -> None:
        self._count.setVisible(visible)


def plain_tooltip(text: str) -> str:
    """Make Qt's tooltip treat `text` as plain text even if a finding message contains markup."""
    if QtGui.Qt.mightBeRichText(text):
        return "<p style='white-space:pre'>" + html.escape(text) + "</p>"
    return text
