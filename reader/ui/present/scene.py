"""A slide laid out for a given canvas size: type scaled to fill the screen, between a readable minimum and a maximum.

Used by the projector window, the presenter's previews and the screenshots alike, at any size. The planner asks
`slide_fits` whether a slide's text fits at the minimum size (with pinyin shown, the taller case), so a section is
split only when it would otherwise fall below it; `build_scene` then picks the largest size between the minimum and
the maximum at which the slide fits, and centres the text vertically.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSizeF
from PySide6.QtGui import QColor

from reader.core.layout import DocumentLayout, layout_document
from reader.core.slides import Fits, Slide, SlideKind
from reader.ui.present.deck import Deck
from reader.ui.present.ruby_paint import RubyStyle, scaled_font, styles_measure
from reader.ui.present.slide_blocks import SlideBlock, slide_blocks
from reader.ui.text_measure import QtTextMeasure
from reader.ui.view.style import KIND_STYLES, RUBY_SCALE

MIN_LINES_PER_SCREEN = 36.0  # the smallest body type is the canvas height divided by this (about 34 px at 1080)
MAX_LINES_PER_SCREEN = 11.0  # and the largest (about 98 px at 1080)
MARGIN_X, MARGIN_Y = 0.045, 0.05  # shares of the canvas width and height
LINE_SPACING = 1.1
TITLE_LINES = 2  # the title slide's title and subtitle may wrap onto this many lines (between words)
SEARCH_STEPS = 7  # halvings of the type-size interval (a few pixels apart at the end)
INK = QColor("#1b1b1b")
MUTED = QColor("#5b5b5b")
PINYIN = QColor("#a0461a")
HEADING = QColor("#8b1a1a")


def type_range(size: QSizeF) -> tuple[float, float]:
    """Return the smallest and the largest body type size (pixels) of a canvas."""
    low = max(6.0, min(size.height() / MIN_LINES_PER_SCREEN, size.width() / 44.0))
    high = max(low, min(size.height() / MAX_LINES_PER_SCREEN, size.width() / 16.0))
    return low, high


def base_pixel_size(size: QSizeF) -> float:
    """Return the type size of the overlays (counter, typed number, cards): the smallest body size of the canvas."""
    return type_range(size)[0] * 1.4


def text_area(size: QSizeF) -> QRectF:
    """Return the part of the canvas the text may use (inside the margins)."""
    return QRectF(size.width() * MARGIN_X, size.height() * MARGIN_Y,
                  size.width() * (1 - 2 * MARGIN_X), size.height() * (1 - 2 * MARGIN_Y))


def slide_styles(family: str | None, pixel: float) -> dict[str, RubyStyle]:
    """Return the styles of every block kind at body size `pixel`."""
    styles = {}
    for kind, spec in KIND_STYLES.items():
        size = pixel * spec.scale
        color = HEADING if kind in ("title", "heading") else MUTED if spec.muted else INK
        styles[kind] = RubyStyle(scaled_font(family or "", size, spec.bold),
                                 scaled_font(family or "", size * RUBY_SCALE), color, PINYIN)
    return styles


@dataclass
class SlideScene:
    """One slide, laid out: its blocks, styles and measure, the lines, where the lines start, and the type size."""

    slide: Slide
    blocks: list[SlideBlock]
    styles: dict[str, RubyStyle]
    measure: QtTextMeasure
    layout: DocumentLayout
    origin: QPointF
    pixel: float

    def hit(self, point: QPointF) -> tuple[SlideBlock, int] | None:
        """Return the block and character offset (in the block) under `point`, or None off the text."""
        x, y = point.x() - self.origin.x(), point.y() - self.origin.y()
        if not self.layout.lines or y < 0 or y > self.layout.height:
            return None
        line = self.layout.lines[self.layout.line_index_at_y(y)]
        if not line.xs or y > line.bottom or x < line.xs[0] or x > line.xs[-1] + line.widths[-1]:
            return None
        return self.blocks[line.block], line.offset_at_x(x)


class _Setter:
    """Lays one slide's blocks out at any type size, and says whether they fit the text area."""

    def __init__(self, deck: Deck, slide: Slide, blocks: list[SlideBlock], area: QRectF) -> None:
        self.deck, self.slide, self.blocks, self.area = deck, slide, blocks, area

    def set_at(self, pixel: float) -> tuple[dict[str, RubyStyle], QtTextMeasure, DocumentLayout]:
        """Return the styles, measure and layout at body size `pixel`."""
        styles = slide_styles(self.deck.family, pixel)
        measure = styles_measure(styles)
        return styles, measure, layout_document([b.layout for b in self.blocks], self.area.width(), measure,
                                                LINE_SPACING)

    def fits(self, layout: DocumentLayout) -> bool:
        """True when the lines fit the area (and a title slide sets each of its blocks on at most two lines)."""
        if self.slide.kind is SlideKind.TITLE:
            firsts = layout.first_line_of_block
            if any(b - a > TITLE_LINES for a, b in zip(firsts, [*firsts[1:], len(layout.lines)])):
                return False
        return layout.height <= self.area.height()


def slide_fits(deck: Deck, size: QSizeF) -> Fits:
    """Return the planner's test: does a slide fit a canvas of `size` at the smallest readable type, pinyin shown?"""
    area = text_area(size)
    low, _ = type_range(size)

    def fits(slide: Slide) -> bool:
        setter = _Setter(deck, slide, slide_blocks(deck.article, slide, deck.annotated, deck.shown_pinyin(True)), area)
        return setter.fits(setter.set_at(low)[2])

    return fits


def build_scene(deck: Deck, slide: Slide, size: QSizeF, pinyin: bool) -> SlideScene:
    """Lay `slide` out on a canvas of `size` at the largest type (between the minimum and the maximum) that fits,
    centred vertically; below the minimum only when one sentence alone is too long for the screen."""
    area = text_area(size)
    setter = _Setter(deck, slide, slide_blocks(deck.article, slide, deck.annotated, deck.shown_pinyin(pinyin)), area)
    low, high = type_range(size)
    best = setter.set_at(high)
    pixel = high
    if not setter.fits(best[2]):
        pixel, best = low, setter.set_at(low)
        while not setter.fits(best[2]) and pixel > 6.0:
            pixel *= 0.9
            best = setter.set_at(pixel)
        fitting = pixel
        for _ in range(SEARCH_STEPS if fitting == low else 0):
            trial_pixel = (fitting + high) / 2
            trial = setter.set_at(trial_pixel)
            if setter.fits(trial[2]):
                fitting, best = trial_pixel, trial
            else:
                high = trial_pixel
        pixel = fitting
    styles, measure, layout = best
    top = area.top() + max(0.0, (area.height() - layout.height) / 2)
    return SlideScene(slide, setter.blocks, styles, measure, layout, QPointF(area.left(), top), pixel)
