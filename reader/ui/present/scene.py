"""A slide laid out for a given canvas size: type scaled to the screen, shrunk until the slide fits.

Used by the projector window, the presenter's previews and the screenshots alike, at any size.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSizeF
from PySide6.QtGui import QColor

from reader.core.slides import Slide, SlideKind
from reader.ui.present.deck import Deck
from reader.ui.present.ruby_paint import QtTextMeasure, RubyStyle, scaled_font
from reader.ui.present.slide_blocks import SlideBlock, slide_blocks
from reader.ui.view.layout import DocumentLayout, layout_document
from reader.ui.view.style import KIND_STYLES, RUBY_SCALE

LINES_PER_SCREEN = 20.0  # body type is the canvas height divided by this, before shrinking to fit
MARGIN_X, MARGIN_Y = 0.06, 0.07  # shares of the canvas width and height
LINE_SPACING = 1.2
INK = QColor("#1b1b1b")
MUTED = QColor("#5b5b5b")
PINYIN = QColor("#a0461a")
HEADING = QColor("#8b1a1a")


def base_pixel_size(size: QSizeF) -> float:
    """Return the body type size for a canvas: large, scaled to the screen."""
    return max(6.0, min(size.height() / LINES_PER_SCREEN, size.width() / 32.0))


def char_budget(size: QSizeF) -> int:
    """Estimate how many characters of body text fit on a slide of this size with pinyin shown."""
    pixel = base_pixel_size(size)
    usable_w = size.width() * (1 - 2 * MARGIN_X)
    usable_h = size.height() * (1 - 2 * MARGIN_Y) - 2.5 * pixel
    per_line = usable_w / (pixel * 1.15)
    lines = usable_h / (pixel * 1.45 * (1 + RUBY_SCALE) * LINE_SPACING)
    return max(20, int(per_line * lines * 0.85))


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
    """One slide, laid out: its blocks, the measure that set them, the lines, and where the lines start."""

    slide: Slide
    blocks: list[SlideBlock]
    measure: QtTextMeasure
    layout: DocumentLayout
    origin: QPointF

    def hit(self, point: QPointF) -> tuple[SlideBlock, int] | None:
        """Return the block and character offset (in the block) under `point`, or None off the text."""
        x, y = point.x() - self.origin.x(), point.y() - self.origin.y()
        if not self.layout.lines or y < 0 or y > self.layout.height:
            return None
        line = self.layout.lines[self.layout.line_index_at_y(y)]
        if not line.xs or y > line.bottom or x < line.xs[0] or x > line.xs[-1] + line.widths[-1]:
            return None
        return self.blocks[line.block], line.offset_at_x(x)


def _title_wraps(slide: Slide, layout: DocumentLayout, pixel: float, size: QSizeF) -> bool:
    """True when a title slide's lines break, while the type may still shrink to keep each on one line."""
    return slide.kind is SlideKind.TITLE and len(layout.lines) > len(layout.first_line_of_block) \
        and pixel > base_pixel_size(size) * 0.6


def build_scene(deck: Deck, slide: Slide, size: QSizeF, pinyin: bool) -> SlideScene:
    """Lay `slide` out on a canvas of `size`; the type size is chosen with pinyin shown, so P never reflows it."""
    fitting = slide_blocks(deck.article, slide, deck.annotated, deck.shown_pinyin(True))
    shown = fitting if pinyin else slide_blocks(deck.article, slide, deck.annotated, deck.shown_pinyin(False))
    area = QRectF(size.width() * MARGIN_X, size.height() * MARGIN_Y,
                  size.width() * (1 - 2 * MARGIN_X), size.height() * (1 - 2 * MARGIN_Y))
    pixel = base_pixel_size(size)
    for _ in range(12):
        measure = QtTextMeasure(slide_styles(deck.family, pixel))
        trial = layout_document([b.layout for b in fitting], area.width(), measure, LINE_SPACING)
        if trial.height <= area.height() and not _title_wraps(slide, trial, pixel, size):
            break
        pixel *= 0.9
    layout = trial if pinyin else layout_document([b.layout for b in shown], area.width(), measure, LINE_SPACING)
    top = area.top()
    if slide.kind is SlideKind.TITLE:
        top += max(0.0, (area.height() - layout.height) / 2)
    return SlideScene(slide, shown, measure, layout, QPointF(area.left(), top))
