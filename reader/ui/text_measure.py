"""Measuring text with Qt for the layout engine (`reader.core.layout.TextMeasure`): the one measure of the reader
view, the slides and the printed handout, plus glyph lookups for drawing runs of characters fast."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetricsF, QRawFont


class QtTextMeasure:
    """The layout engine's `TextMeasure` over Qt font metrics: one text font and one pinyin font per block kind,
    widths cached per character. The reader view, the slides and the handout all measure with it."""

    def __init__(self, fonts: dict[str, QFont], ruby_fonts: dict[str, QFont]) -> None:
        self.fonts, self.ruby_fonts = fonts, ruby_fonts
        self._metrics = {kind: QFontMetricsF(font) for kind, font in fonts.items()}
        self._ruby_metrics = {kind: QFontMetricsF(font) for kind, font in ruby_fonts.items()}
        self._widths: dict[str, dict[str, float]] = {kind: {} for kind in fonts}
        self._ruby_widths: dict[tuple[str, str], float] = {}
        self._ruby_letters: dict[str, dict[str, float]] = {}
        self._glyphs: dict[tuple[str, bool], FontGlyphs] = {}

    def char_width(self, char: str, kind: str) -> float:
        """Return the advance of `char` in the font of `kind`."""
        widths = self._widths[kind]
        width = widths.get(char)
        if width is None:
            width = widths[char] = self._metrics[kind].horizontalAdvance(char)
        return width

    def char_widths(self, text: str, kind: str) -> list[float]:
        """Return the advance of every character of `text` (one call per block instead of one per character)."""
        widths = self._widths[kind]
        missing = "".join(set(text).difference(widths))
        if missing:
            self._measure(missing, kind)
        return [widths[c] for c in text]

    def _measure(self, chars: str, kind: str) -> None:
        """Measure new characters: those the font has in one call for their glyph advances (the same figures as
        one font-metrics call each, about 15 times faster for an article's first screen); those it lacks through
        Qt's fallback fonts, one by one."""
        widths, raw = self._widths[kind], self.glyphs(kind).raw
        indexes = raw.glyphIndexesForString(chars) if raw.isValid() else []
        if len(indexes) == len(chars):  # one glyph per character (no pairs of surrogates)
            for char, index, advance in zip(chars, indexes, raw.advancesForGlyphIndexes(indexes)):
                if index:
                    widths[char] = advance.x()
        measure = self._metrics[kind].horizontalAdvance
        for char in chars:
            if char not in widths:
                widths[char] = measure(char)

    def ruby_width(self, text: str, kind: str) -> float:
        """Return the width of a pinyin syllable above text of `kind`: the sum of its letters' advances, which is
        the syllable's own width, as pinyin fonts are set without kerning (see `ruby_font`), and how the view draws
        it (letter by letter); some forty letters are measured instead of every syllable."""
        key = (text, kind)
        width = self._ruby_widths.get(key)
        if width is None:
            letters = self._ruby_letters.setdefault(kind, {})
            for char in set(text).difference(letters):
                letters[char] = self._ruby_metrics[kind].horizontalAdvance(char)
            width = self._ruby_widths[key] = sum(letters[c] for c in text)
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
