"""Glossary cards on the projector: one term large, or the cards of every term on the slide."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen

from reader.core.handout import GlossaryRow
from reader.ui.present.ruby_paint import scaled_font

BACKDROP = QColor(20, 20, 20, 150)
CARD = QColor("#fffdf7")
EDGE = QColor("#c08a5a")
TERM = QColor("#8b1a1a")
PINYIN = QColor("#a0461a")
TEXT = QColor("#1b1b1b")
WRAP = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
MAX_CARDS = 6


def _draw_text(painter: QPainter, rect: QRectF, font, color: QColor, text: str) -> float:
    """Draw wrapped text at the top of `rect`; return the height it took."""
    if not text:
        return 0.0
    painter.setFont(font)
    painter.setPen(color)
    height = QFontMetricsF(font).boundingRect(rect, WRAP, text).height()
    painter.drawText(rect, WRAP, text)
    return height


def _draw_box(painter: QPainter, rect: QRectF, unit: float) -> None:
    path = QPainterPath()
    path.addRoundedRect(rect, unit * 0.4, unit * 0.4)
    painter.fillPath(path, CARD)
    painter.setPen(QPen(EDGE, max(1.0, unit / 12)))
    painter.drawPath(path)


def card_parts(row: GlossaryRow, family: str, unit: float) -> list[tuple]:
    """Return (font, colour, text, space after) of each line group of a card."""
    explanation = row.explanation or ("" if row.english or row.explanation_zh else "Not in the glossary yet.")
    return [(scaled_font(family, unit, bold=True), TERM, row.term, 0.0),
            (scaled_font(family, unit * 0.55), PINYIN, row.pinyin, unit * 0.2),
            (scaled_font(family, unit * 0.5), TEXT, row.explanation_zh, unit * 0.2),
            (scaled_font(family, unit * 0.5, bold=True), TEXT, row.english, unit * 0.15),
            (scaled_font(family, unit * 0.42), TEXT, explanation, 0.0)]


def fitting_unit(rect: QRectF, row: GlossaryRow, family: str, unit: float) -> float:
    """Return the largest type unit (up to `unit`) at which the card's text fits in `rect`."""
    for _ in range(10):
        inner = rect.adjusted(unit * 0.6, unit * 0.5, -unit * 0.6, -unit * 0.4)
        needed = sum(QFontMetricsF(font).boundingRect(QRectF(0, 0, inner.width(), 1e6), WRAP, text).height() + after
                     for font, _, text, after in card_parts(row, family, unit) if text)
        if needed <= inner.height():
            return unit
        unit *= 0.9
    return unit


def paint_card_in(painter: QPainter, rect: QRectF, row: GlossaryRow, family: str, unit: float) -> None:
    """Draw one card filling `rect`; `unit` is the largest size of its term's type (shrunk to fit)."""
    unit = fitting_unit(rect, row, family, unit)
    _draw_box(painter, rect, unit)
    inner = rect.adjusted(unit * 0.6, unit * 0.5, -unit * 0.6, -unit * 0.4)
    y = inner.top()
    for font, color, text, after in card_parts(row, family, unit):
        if text:
            y += _draw_text(painter, QRectF(inner.left(), y, inner.width(), inner.bottom() - y), font, color, text)
            y += after


def paint_card(painter: QPainter, area: QRectF, row: GlossaryRow, family: str) -> None:
    """Dim the slide and draw one term's card large in the middle of `area`."""
    painter.fillRect(area, BACKDROP)
    unit = min(area.height() / 7, area.width() / 11)
    rect = QRectF(0, 0, area.width() * 0.72, area.height() * 0.66)
    rect.moveCenter(area.center())
    paint_card_in(painter, rect, row, family, unit)


def paint_card_grid(painter: QPainter, area: QRectF, rows: list[GlossaryRow], family: str) -> None:
    """Dim the slide and draw the cards of the slide's terms in a grid (a note when there is none)."""
    painter.fillRect(area, BACKDROP)
    unit = min(area.height() / 16, area.width() / 26)
    if not rows:
        rect = QRectF(0, 0, area.width() * 0.5, unit * 2.5)
        rect.moveCenter(area.center())
        paint_card_in(painter, rect, GlossaryRow("本页没有术语 · no glossary terms on this slide", "", "", " "),
                      family, unit * 0.8)
        return
    shown = rows[:MAX_CARDS]
    columns = 1 if len(shown) == 1 else 2
    rows_count = (len(shown) + columns - 1) // columns
    gap = unit * 0.6
    width = (area.width() - gap * (columns + 1)) / columns
    height = min((area.height() - gap * (rows_count + 1)) / rows_count, unit * 7)
    top = area.top() + (area.height() - rows_count * height - (rows_count - 1) * gap) / 2
    for index, row in enumerate(shown):
        column, line = index % columns, index // columns
        rect = QRectF(area.left() + gap + column * (width + gap), top + line * (height + gap), width, height)
        paint_card_in(painter, rect, row, family, unit)
