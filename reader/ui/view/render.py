"""Drawing the ruby layout with Qt: font metrics for the layout engine and a cached painter for lines."""

from __future__ import annotations

from collections import OrderedDict
from typing import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QGlyphRun, QPainter, QPen, QPixmap, QRawFont

from reader.ui.view.layout import Line
from reader.ui.view.style import KIND_STYLES, ViewStyle, ruby_point_size

PINYIN_FAMILIES = ["Noto Sans", "DejaVu Sans", "Segoe UI", "Helvetica Neue", "Arial"]


class QtTextMeasure:
    """Widths and heights from Qt's font metrics, per block kind, cached per character."""

    def __init__(self, style: ViewStyle) -> None:
        self.fonts: dict[str, QFont] = {}
        self.ruby_fonts: dict[str, QFont] = {}
        self._metrics: dict[str, QFontMetricsF] = {}
        self._ruby_metrics: dict[str, QFontMetricsF] = {}
        self._widths: dict[str, dict[str, float]] = {kind: {} for kind in KIND_STYLES}
        self._ruby_widths: dict[tuple[str, str], float] = {}
        self._glyphs: dict[tuple[str, bool], FontGlyphs] = {}
        for kind, kind_style in KIND_STYLES.items():
            self.fonts[kind] = text_font(style, kind_style.scale, kind_style.bold)
            self.ruby_fonts[kind] = ruby_font(ruby_point_size(style.point_size * kind_style.scale))
            self._metrics[kind] = QFontMetricsF(self.fonts[kind])
            self._ruby_metrics[kind] = QFontMetricsF(self.ruby_fonts[kind])

    def char_width(self, char: str, kind: str) -> float:
        """Return the advance of `char` in the font of `kind`."""
        widths = self._widths[kind]
        width = widths.get(char)
        if width is None:
            width = widths[char] = self._metrics[kind].horizontalAdvance(char)
        return width

    def char_widths(self, text: str, kind: str) -> list[float]:
        """Return the advance of every character of `text` (one call per block instead of one per character)."""
        widths, measure = self._widths[kind], self._metrics[kind].horizontalAdvance
        missing = set(text).difference(widths)
        for char in missing:
            widths[char] = measure(char)
        return [widths[c] for c in text]

    def ruby_width(self, text: str, kind: str) -> float:
        """Return the width of a pinyin syllable above text of `kind`."""
        key = (text, kind)
        width = self._ruby_widths.get(key)
        if width is None:
            width = self._ruby_widths[key] = self._ruby_metrics[kind].horizontalAdvance(text)
        return width

    def text_height(self, kind: str) -> float:
        """Return the line height of characters of `kind`."""
        return self._metrics[kind].height()

    def ruby_height(self, kind: str) -> float:
        """Return the height of the pinyin row of `kind`."""
        return self._ruby_metrics[kind].height()

    def glyphs(self, kind: str, ruby: bool = False) -> FontGlyphs:
        """Return the glyph lookup of the text (or pinyin) font of `kind`."""
        key = (kind, ruby)
        glyphs = self._glyphs.get(key)
        if glyphs is None:
            glyphs = self._glyphs[key] = FontGlyphs((self.ruby_fonts if ruby else self.fonts)[kind])
        return glyphs

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
        for i, x in enumerate(line.xs):
            char = text[line.start + i]
            offset = (line.widths[i] - self.measure.char_width(char, kind)) / 2
            run.add(glyphs, char, x + offset, baseline)
        run.draw(painter, self.measure.fonts[kind], glyphs.raw, QColor(colour))

    def _draw_ruby(self, painter: QPainter, line: Line, kind: str, ruby: list, tones: list) -> None:
        theme = self.style.theme
        baseline = self.measure.ascent(kind, ruby=True)
        glyphs = self.measure.glyphs(kind, ruby=True)
        runs: dict[str, GlyphRunBuilder] = {}
        for i, x in enumerate(line.xs):
            syllable = ruby[line.start + i]
            if not syllable:
                continue
            colour = theme.tone_colours[tones[line.start + i]] if self.style.tone_colours else theme.pinyin
            run = runs.setdefault(colour, GlyphRunBuilder())
            run.add_word(glyphs, syllable,
                         x + line.ruby_shift(i) + (line.widths[i] - self.measure.ruby_width(syllable, kind)) / 2,
                         baseline)
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


class FontGlyphs:
    """Glyph indexes and advances of one font, looked up once per character."""

    def __init__(self, font: QFont) -> None:
        self.raw = QRawFont.fromFont(font)
        self._metrics = QFontMetricsF(font)
        self._indexes: dict[str, int] = {}
        self._advances: dict[str, float] = {}
        self._words: dict[str, tuple[list[int], list[float], list[str]]] = {}

    def index(self, char: str) -> int:
        """Return the glyph index of `char` in this font, 0 when the font lacks it."""
        index = self._indexes.get(char)
        if index is None:
            found = self.raw.glyphIndexesForString(char) if self.raw.isValid() else []
            index = self._indexes[char] = found[0] if len(found) == 1 else 0
        return index

    def word(self, text: str) -> tuple[list[int], list[float], list[str]]:
        """Return the glyph indexes and x offsets of a short text (a pinyin syllable), and what the font lacks."""
        cached = self._words.get(text)
        if cached is None:
            indexes, offsets, missing, x = [], [], [], 0.0
            for char in text:
                index = self.index(char)
                if index:
                    indexes.append(index)
                    offsets.append(x)
                else:
                    missing.append(char)
                x += self.advance(char)
            cached = self._words[text] = (indexes, offsets, missing)
        return cached

    def advance(self, char: str) -> float:
        """Return the advance of `char`."""
        width = self._advances.get(char)
        if width is None:
            width = self._advances[char] = self._metrics.horizontalAdvance(char)
        return width


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
