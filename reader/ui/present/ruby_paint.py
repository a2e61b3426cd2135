"""Measuring and painting ruby lines with QPainter, at any scale: projector slides and printed handouts.

The line breaking itself is the reader view's Qt-free engine (`reader.ui.view.layout`); this module gives it Qt font
metrics and draws the lines it returns: each character centred in its cell, its pinyin centred above it.
Characters are drawn as text (never as images), so a PDF keeps them selectable and searchable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Sequence

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter

from reader.ui.view.layout import DocumentLayout, LayoutBlock


@dataclass
class RubyStyle:
    """Fonts and colours of one block kind."""

    font: QFont
    ruby_font: QFont
    color: QColor = field(default_factory=lambda: QColor("#1a1a1a"))
    ruby_color: QColor = field(default_factory=lambda: QColor("#8a3b12"))


def scaled_font(family: str, pixel_size: float, bold: bool = False) -> QFont:
    """Return a font of `family` at `pixel_size` pixels (at least 1)."""
    font = QFont(family)
    font.setPixelSize(max(1, round(pixel_size)))
    font.setBold(bold)
    return font


class QtTextMeasure:
    """The layout engine's `TextMeasure` over Qt font metrics, with a per-character width cache."""

    def __init__(self, styles: dict[str, RubyStyle]) -> None:
        self.styles = styles
        self._metrics = {kind: QFontMetricsF(style.font) for kind, style in styles.items()}
        self._ruby_metrics = {kind: QFontMetricsF(style.ruby_font) for kind, style in styles.items()}
        self._widths: dict[tuple[str, str], float] = {}

    def char_width(self, char: str, kind: str) -> float:
        """Return the advance of `char` in the font of `kind`."""
        key = (char, kind)
        if key not in self._widths:
            self._widths[key] = self._metrics[kind].horizontalAdvance(char)
        return self._widths[key]

    def ruby_width(self, text: str, kind: str) -> float:
        """Return the width of a pinyin syllable above text of `kind`."""
        return self._ruby_metrics[kind].horizontalAdvance(text)

    def text_height(self, kind: str) -> float:
        """Return the line height of characters of `kind`."""
        return self._metrics[kind].height()

    def ruby_height(self, kind: str) -> float:
        """Return the height of the pinyin row of `kind`."""
        return self._ruby_metrics[kind].height()

    def ascent(self, kind: str) -> float:
        """Return the ascent of the font of `kind`."""
        return self._metrics[kind].ascent()

    def ruby_ascent(self, kind: str) -> float:
        """Return the ascent of the pinyin font of `kind`."""
        return self._ruby_metrics[kind].ascent()


ColorFor = Callable[[int, int], QColor | None]  # (block index, character offset) -> colour override, or None


def paint_lines(painter: QPainter, layout: DocumentLayout, blocks: Sequence[LayoutBlock], measure: QtTextMeasure,
                origin: QPointF, line_indices: Sequence[int] | None = None, color_for: ColorFor | None = None) -> None:
    """Draw the lines of `layout` (all, or `line_indices`) with their pinyin, offset by `origin`."""
    indices = range(len(layout.lines)) if line_indices is None else line_indices
    for index in indices:
        line = layout.lines[index]
        block = blocks[line.block]
        style = measure.styles[block.kind]
        ruby_y = origin.y() + line.top + measure.ruby_ascent(block.kind)
        text_y = origin.y() + line.top + line.ruby_height + measure.ascent(block.kind)
        for cell, offset in enumerate(range(line.start, line.end)):
            x, width = origin.x() + line.xs[cell], line.widths[cell]
            color = (color_for(line.block, offset) if color_for else None) or style.color
            char = block.text[offset]
            painter.setFont(style.font)
            painter.setPen(color)
            painter.drawText(QPointF(x + (width - measure.char_width(char, block.kind)) / 2, text_y), char)
            ruby = block.ruby[offset] if offset < len(block.ruby) else None
            if ruby and line.ruby_height:
                painter.setFont(style.ruby_font)
                painter.setPen(style.ruby_color if color is style.color else color)
                painter.drawText(QPointF(x + line.ruby_shift(cell) + (width - measure.ruby_width(ruby, block.kind)) / 2, ruby_y), ruby)


def span_rects(layout: DocumentLayout, block: int, start: int, end: int, origin: QPointF) -> list[QRectF]:
    """Return the rectangles (pinyin row included) covering characters [start, end) of `block`."""
    rects = []
    for line_index, x0, x1 in layout.span_rects(block, start, end):
        line = layout.lines[line_index]
        rects.append(QRectF(origin.x() + x0, origin.y() + line.top, x1 - x0, line.height))
    return rects
