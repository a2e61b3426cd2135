"""Drawing the ruby layout with Qt: font metrics for the layout engine and a cached painter for lines."""

from __future__ import annotations

from collections import OrderedDict
from typing import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGlyphRun, QPainter, QPen, QPixmap, QRawFont

from reader.core.layout import Line
from reader.ui.text_measure import FontGlyphs, QtTextMeasure
from reader.ui.view.style import KIND_STYLES, ViewStyle, ruby_point_size

PINYIN_FAMILIES = ["Noto Sans", "DejaVu Sans", "Segoe UI", "Helvetica Neue", "Arial"]


def view_measure(style: ViewStyle) -> QtTextMeasure:
    """Return the measure of the reader view: its text and pinyin fonts for every block kind."""
    fonts = {kind: text_font(style, spec.scale, spec.bold) for kind, spec in KIND_STYLES.items()}
    rubies = {kind: ruby_font(ruby_point_size(style.point_size * spec.scale)) for kind, spec in KIND_STYLES.items()}
    return QtTextMeasure(fonts, rubies)


def text_font(style: ViewStyle, scale: float, bold: bool) -> QFont:
    """Return the font for characters at `scale` times the body size."""
    font = QFont(style.family) if style.family else QFont()
    font.setPointSizeF(style.point_size * scale)
    font.setBold(bold)
    font.setKerning(False)
    return font


def ruby_font(point_size: float) -> QFont:
    """Return the font pinyin is drawn in (without kerning: a syllable is as wide as its letters, as it is drawn)."""
    font = QFont()
    font.setFamilies(PINYIN_FAMILIES)
    font.setPointSizeF(max(point_size, 5.0))
    font.setKerning(False)
    return font


class LineRenderer:
    """Draws lines of the layout into cached transparent pixmaps; painting a viewport is then a few blits."""

    def __init__(self, measure: QtTextMeasure, style: ViewStyle, capacity: int = 90) -> None:
        self.measure = measure
        self.style = style
        self.capacity = capacity
        self._cache: OrderedDict[int, QPixmap] = OrderedDict()

    def clear(self) -> None:
        """Forget every cached line (after a change of style, mode or layout)."""
        self._cache.clear()

    def has(self, index: int) -> bool:
        """True when line `index` is drawn already."""
        return index in self._cache

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
        baseline = line.ruby_height + self.measure.ascent(kind)
        glyphs = self.measure.glyphs(kind)
        run = GlyphRunBuilder()
        for i in range(len(line.xs)):
            char = text[line.start + i]
            run.add(glyphs, char, line.glyph_left(i, char, self.measure.char_width(char, kind)), baseline)
        run.draw(painter, self.measure.fonts[kind], glyphs.raw, QColor(colour))

    def _draw_ruby(self, painter: QPainter, line: Line, kind: str, ruby: list, tones: list) -> None:
        theme = self.style.theme
        baseline = self.measure.ascent(kind, ruby=True)
        glyphs = self.measure.glyphs(kind, ruby=True)
        runs: dict[str, GlyphRunBuilder] = {}
        for i in range(len(line.xs)):
            syllable = ruby[line.start + i]
            if not syllable:
                continue
            colour = theme.tone_colours[tones[line.start + i]] if self.style.tone_colours else theme.pinyin
            run = runs.setdefault(colour, GlyphRunBuilder())
            run.add_word(glyphs, syllable, line.ruby_left(i, self.measure.ruby_width(syllable, kind)), baseline)
        for colour, run in runs.items():
            run.draw(painter, self.measure.ruby_fonts[kind], glyphs.raw, QColor(colour))

    def _draw_underlines(self, painter: QPainter, line: Line, kind: str, underline: list) -> None:
        pen = QPen(QColor(self.style.theme.glossary_underline))
        pen.setWidthF(max(1.0, self.style.point_size / 12))
        painter.setPen(pen)
        y = line.ruby_height + self.measure.ascent(kind) + max(2.0, self.style.point_size / 7)
        for i, x in enumerate(line.xs):
            if underline[line.start + i]:
                painter.drawLine(QPointF(x, y), QPointF(x + line.widths[i], y))


class GlyphRunBuilder:
    """Collects positioned glyphs of one font and colour, drawn with one call; characters the font lacks are drawn
    one by one with Qt's font fallback."""

    def __init__(self) -> None:
        self.indexes: list[int] = []
        self.positions: list[QPointF] = []
        self.fallback: list[tuple[float, float, str]] = []

    def add(self, glyphs: FontGlyphs, char: str, x: float, baseline: float) -> None:
        """Place `char` with its left edge at `x` on `baseline`."""
        index = glyphs.index(char)
        if index:
            self.indexes.append(index)
            self.positions.append(QPointF(x, baseline))
        elif not char.isspace():
            self.fallback.append((x, baseline, char))

    def add_word(self, glyphs: FontGlyphs, text: str, x: float, baseline: float) -> None:
        """Place a short text (a pinyin syllable) starting at `x`."""
        indexes, offsets, missing = glyphs.word(text)
        if missing:
            self.fallback.append((x, baseline, text))
            return
        self.indexes.extend(indexes)
        self.positions.extend([QPointF(x + offset, baseline) for offset in offsets])

    def draw(self, painter: QPainter, font: QFont, raw: QRawFont, colour: QColor) -> None:
        """Draw everything collected in `colour`."""
        painter.setPen(colour)
        if self.indexes:
            run = QGlyphRun()
            run.setRawFont(raw)
            run.setGlyphIndexes(self.indexes)
            run.setPositions(self.positions)
            painter.drawGlyphRun(QPointF(0, 0), run)
        if self.fallback:
            painter.setFont(font)
            for x, y, char in self.fallback:
                painter.drawText(QPointF(x, y), char)


def fill_rect(painter: QPainter, rect: QRectF, colour: str) -> None:
    """Fill `rect` with a theme colour (used for selection and find highlights)."""
    painter.fillRect(rect, QColor(colour))
