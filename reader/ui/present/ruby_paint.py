"""Measuring and painting ruby lines with QPainter, at any scale: projector slides and printed handouts.

The line breaking itself is the Qt-free engine (`reader.core.layout`), measured by `reader.ui.text_measure` like
the reader view; this module draws the lines it returns: each character in its cell, its pinyin centred above it.
Characters are drawn as text (never as images), so a PDF keeps them selectable and searchable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Sequence

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QPainter

from reader.core.layout import DocumentLayout, LayoutBlock
from reader.ui.text_measure import QtTextMeasure


@dataclass
class RubyStyle:
    """Fonts and colours of one block kind."""

    font: QFont
    ruby_font: QFont
    color: QColor = field(default_factory=lambda: QColor("#1a1a1a"))
    ruby_color: QColor = field(default_factory=lambda: QColor("#8a3b12"))


def scaled_font(family: str, pixel_size: float, bold: bool = False) -> QFont:
    """Return a font of `family` at `pixel_size` pixels (at least 1), without kerning (a pinyin syllable is as wide as
    its letters, which is what `QtTextMeasure.ruby_width` counts)."""
    font = QFont(family)
    font.setPixelSize(max(1, round(pixel_size)))
    font.setBold(bold)
    font.setKerning(False)
    return font


ColorFor = Callable[[int, int], QColor | None]  # (block index, character offset) -> colour override, or None


def styles_measure(styles: dict[str, RubyStyle]) -> QtTextMeasure:
    """Return the text measure of these styles' fonts."""
    return QtTextMeasure({kind: style.font for kind, style in styles.items()},
                         {kind: style.ruby_font for kind, style in styles.items()})


def paint_lines(painter: QPainter, layout: DocumentLayout, blocks: Sequence[LayoutBlock], styles: dict[str, RubyStyle],
                measure: QtTextMeasure, origin: QPointF, line_indices: Sequence[int] | None = None,
                color_for: ColorFor | None = None) -> None:
    """Draw the lines of `layout` (all, or `line_indices`) with their pinyin, offset by `origin`.

    `measure` must be the one the layout was made with (`styles_measure(styles)`).
    """
    indices = range(len(layout.lines)) if line_indices is None else line_indices
    for index in indices:
        line = layout.lines[index]
        block = blocks[line.block]
        style = styles[block.kind]
        ruby_y = origin.y() + line.top + measure.ascent(block.kind, ruby=True)
        text_y = origin.y() + line.top + line.ruby_height + measure.ascent(block.kind)
        for cell, offset in enumerate(range(line.start, line.end)):
            color = (color_for(line.block, offset) if color_for else None) or style.color
            char = block.text[offset]
            painter.setFont(style.font)
            painter.setPen(color)
            painter.drawText(QPointF(origin.x() + line.glyph_left(cell, char, measure.char_width(char, block.kind)),
                                     text_y), char)
            ruby = block.ruby[offset] if offset < len(block.ruby) else None
            if ruby and line.ruby_height:
                painter.setFont(style.ruby_font)
                painter.setPen(style.ruby_color if color is style.color else color)
                left = origin.x() + line.ruby_left(cell, measure.ruby_width(ruby, block.kind))
                painter.drawText(QPointF(left, ruby_y), ruby)


def span_rects(layout: DocumentLayout, block: int, start: int, end: int, origin: QPointF) -> list[QRectF]:
    """Return the rectangles (pinyin row included) covering characters [start, end) of `block`."""
    rects = []
    for line_index, x0, x1 in layout.span_rects(block, start, end):
        line = layout.lines[line_index]
        rects.append(QRectF(origin.x() + x0, origin.y() + line.top, x1 - x0, line.height))
    return rects
