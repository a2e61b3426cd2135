"""Drawing the ruby layout with Qt: font metrics for the layout engine and a cached painter for lines."""

from __future__ import annotations

from collections import OrderedDict
from typing import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QPixmap

from reader.ui.view.layout import Line
from reader.ui.view.style import KIND_STYLES, RUBY_SCALE, ViewStyle

PINYIN_FAMILIES = ["Noto Sans", "DejaVu Sans", "Segoe UI", "Helvetica Neue", "Arial"]


class QtTextMeasure:
    """Widths and heights from Qt's font metrics, per block kind, cached per character."""

    def __init__(self, style: ViewStyle) -> None:
        self.fonts: dict[str, QFont] = {}
        self.ruby_fonts: dict[str, QFont] = {}
        self._metrics: dict[str, QFontMetricsF] = {}
        self._ruby_metrics: dict[str, QFontMetricsF] = {}
        self._widths: dict[tuple[str, str], float] = {}
        for kind, kind_style in KIND_STYLES.items():
            self.fonts[kind] = text_font(style, kind_style.scale, kind_style.bold)
            self.ruby_fonts[kind] = ruby_font(style.point_size * kind_style.scale * RUBY_SCALE)
            self._metrics[kind] = QFontMetricsF(self.fonts[kind])
            self._ruby_metrics[kind] = QFontMetricsF(self.ruby_fonts[kind])

    def char_width(self, char: str, kind: str) -> float:
        """Return the advance of `char` in the font of `kind`."""
        key = (char, kind)
        width = self._widths.get(key)
        if width is None:
            width = self._widths[key] = self._metrics[kind].horizontalAdvance(char)
        return width

    def ruby_width(self, text: str, kind: str) -> float:
        """Return the width of a pinyin syllable above text of `kind`."""
        return self._ruby_metrics[kind].horizontalAdvance(text)

    def text_height(self, kind: str) -> float:
        """Return the line height of characters of `kind`."""
        return self._metrics[kind].height()

    def ruby_height(self, kind: str) -> float:
        """Return the height of the pinyin row of `kind`."""
        return self._ruby_metrics[kind].height()

    def ascent(self, kind: str, ruby: bool = False) -> float:
        """Return the ascent of the text (or pinyin) font of `kind`."""
        return (self._ruby_metrics if ruby else self._metrics)[kind].ascent()


def text_font(style: ViewStyle, scale: float, bold: bool) -> QFont:
    """Return the font for characters at `scale` times the body size."""
    font = QFont(style.family) if style.family else QFont()
    font.setPointSizeF(style.point_size * scale)
    font.setBold(bold)
    font.setKerning(False)
    return font


def ruby_font(point_size: float) -> QFont:
    """Return the font pinyin is drawn in."""
    font = QFont()
    font.setFamilies(PINYIN_FAMILIES)
    font.setPointSizeF(max(point_size, 5.0))
    return font


class LineRenderer:
    """Draws lines of the layout into cached transparent pixmaps; painting a viewport is then a few blits."""

    def __init__(self, measure: QtTextMeasure, style: ViewStyle, capacity: int = 160) -> None:
        self.measure = measure
        self.style = style
        self.capacity = capacity
        self._cache: OrderedDict[int, QPixmap] = OrderedDict()

    def clear(self) -> None:
        """Forget every cached line (after a change of style, mode or layout)."""
        self._cache.clear()

    def pixmap(self, index: int, line: Line, line_data: Callable[[Line], tuple], dpr: float) -> QPixmap:
        """Return the pixmap of line `index`, drawing it on a cache miss."""
        cached = self._cache.get(index)
        if cached is not None:
            self._cache.move_to_end(index)
            return cached
        pixmap = self._draw(line, *line_data(line), dpr)
        self._cache[index] = pixmap
        if len(self._cache) > self.capacity:
            self._cache.popitem(last=False)
        return pixmap

    def _draw(self, line: Line, kind: str, text: str, ruby: list, tones: list, underline: list,
              dpr: float) -> QPixmap:
        right = line.xs[-1] + line.widths[-1] if line.xs else 1.0
        pixmap = QPixmap(max(1, int((right + 2) * dpr)), max(1, int((line.height + 2) * dpr)))
        pixmap.setDevicePixelRatio(dpr)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self._draw_text(painter, line, kind, text)
        if any(ruby[line.start:line.end]):
            self._draw_ruby(painter, line, kind, ruby, tones)
        self._draw_underlines(painter, line, kind, underline)
        painter.end()
        return pixmap

    def _draw_text(self, painter: QPainter, line: Line, kind: str, text: str) -> None:
        theme = self.style.theme
        colour = theme.muted if KIND_STYLES[kind].muted else theme.heading if kind in ("title", "heading") \
            else theme.text
        painter.setFont(self.measure.fonts[kind])
        painter.setPen(QColor(colour))
        baseline = line.ruby_height + self.measure.ascent(kind)
        for i, x in enumerate(line.xs):
            char = text[line.start + i]
            offset = (line.widths[i] - self.measure.char_width(char, kind)) / 2
            painter.drawText(QPointF(x + offset, baseline), char)

    def _draw_ruby(self, painter: QPainter, line: Line, kind: str, ruby: list, tones: list) -> None:
        theme = self.style.theme
        painter.setFont(self.measure.ruby_fonts[kind])
        baseline = self.measure.ascent(kind, ruby=True)
        plain = QColor(theme.pinyin)
        for i, x in enumerate(line.xs):
            syllable = ruby[line.start + i]
            if not syllable:
                continue
            colour = QColor(theme.tone_colours[tones[line.start + i]]) if self.style.tone_colours else plain
            painter.setPen(colour)
            width = self.measure.ruby_width(syllable, kind)
            painter.drawText(QPointF(x + (line.widths[i] - width) / 2, baseline), syllable)

    def _draw_underlines(self, painter: QPainter, line: Line, kind: str, underline: list) -> None:
        pen = QPen(QColor(self.style.theme.glossary_underline))
        pen.setWidthF(max(1.0, self.style.point_size / 12))
        painter.setPen(pen)
        y = line.ruby_height + self.measure.ascent(kind) + max(2.0, self.style.point_size / 7)
        for i, x in enumerate(line.xs):
            if underline[line.start + i]:
                painter.drawLine(QPointF(x, y), QPointF(x + line.widths[i], y))


def fill_rect(painter: QPainter, rect: QRectF, colour: str) -> None:
    """Fill `rect` with a theme colour (used for selection and find highlights)."""
    painter.fillRect(rect, QColor(colour))
