"""The widget that draws a slide of the shared presentation: on the projector, or small in the presenter view.

It only draws and reports intents; the controller decides what they do.

Signals:
    termClicked(str): a glossary term was clicked.
    paragraphClicked(str): a paragraph (by id) was clicked outside any term.
    cardClicked(): a click landed on an open card (to close it).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from reader.core.presentation import Blank
from reader.core.slides import slide_counter
from reader.ui.present.cards import paint_card, paint_card_grid
from reader.ui.present.deck import Deck, PresentationModel
from reader.ui.present.ruby_paint import paint_lines, scaled_font
from reader.ui.present.scene import MUTED, SlideScene, base_pixel_size, build_scene
from reader.ui.present.slide_blocks import term_readings

PAPER = QColor("#fbf8f1")
DIMMED = QColor("#c9c4ba")
UNDERLINE = QColor("#c08a5a")
BLANK_COLOURS = {Blank.BLACK: QColor("#000000"), Blank.WHITE: QColor("#ffffff")}


class SlideCanvas(QWidget):
    """Draws slide `state.index + offset` of the model; `projector` canvases also draw blanks and overlays."""

    termClicked = Signal(str)
    paragraphClicked = Signal(str)
    cardClicked = Signal()

    def __init__(self, deck: Deck, model: PresentationModel, offset: int = 0, projector: bool = True,
                 parent: QWidget | None = None, reference: QWidget | None = None) -> None:
        super().__init__(parent)
        self.deck, self.model, self.offset, self.projector = deck, model, offset, projector
        self.reference = reference  # a preview draws the slide as laid out at the projector's size, scaled down
        self.setMinimumSize(160, 90)
        model.changed.connect(self.update)

    def scene(self) -> SlideScene | None:
        """Return the laid-out slide this canvas shows now (None past the last slide)."""
        state = self.model.state
        index = state.index + self.offset
        if index >= len(state.slides):
            return None
        size = self.slide_size()
        slide = state.slides[index]
        return self.deck.cached_scene((index, state.pinyin, size.width(), size.height()),
                                      lambda: build_scene(self.deck, slide, size, state.pinyin))

    def slide_size(self) -> QSizeF:
        """The size the slide is laid out at: the projector's for a preview, else this widget's."""
        source = self.reference if self.reference is not None and self.reference.width() > 1 else self
        return QSizeF(source.size())

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the slide (or the blank screen, or the end marker), scaled to fit when it is a preview."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        state = self.model.state
        if self.projector and state.blank is not Blank.NONE:
            painter.fillRect(self.rect(), BLANK_COLOURS[state.blank])
            return
        size = self.slide_size()
        scale = min(self.width() / size.width(), self.height() / size.height())
        painter.translate((self.width() - size.width() * scale) / 2, (self.height() - size.height() * scale) / 2)
        painter.scale(scale, scale)
        painter.fillRect(QRectF(QPointF(0, 0), size), PAPER)
        scene = self.scene()
        if scene is None:
            self._paint_end(painter, size)
        else:
            self._paint_text(painter, scene)
            if self.projector:
                self._paint_overlays(painter, scene)
        painter.end()

    def _paint_text(self, painter: QPainter, scene: SlideScene) -> None:
        focused = self.model.state.focused_paragraph if self.projector else None

        def color_for(block: int, _offset: int) -> QColor | None:
            owner = scene.blocks[block].paragraph_id
            return DIMMED if focused and owner != focused else None

        paint_lines(painter, scene.layout, [b.layout for b in scene.blocks], scene.styles, scene.measure,
                    scene.origin, color_for=color_for)
        painter.setPen(QPen(UNDERLINE, max(1.0, scene.pixel / 18)))
        for index, block in enumerate(scene.blocks):
            below = scene.measure.text_height(block.layout.kind) * 0.98
            for hit in block.hits:
                for line_index, x0, x1 in scene.layout.span_rects(index, hit.start, hit.end):
                    line = scene.layout.lines[line_index]
                    y = scene.origin.y() + line.top + line.ruby_height + below
                    painter.drawLine(QPointF(scene.origin.x() + x0, y), QPointF(scene.origin.x() + x1, y))

    def _paint_overlays(self, painter: QPainter, scene: SlideScene) -> None:
        state = self.model.state
        size = self.slide_size()
        area = QRectF(QPointF(0, 0), size)
        pixel = base_pixel_size(size)
        family = self.deck.family or ""
        if state.progress_visible:
            painter.setFont(scaled_font(family, pixel * 0.6))
            painter.setPen(MUTED)
            corner = area.adjusted(0, 0, -pixel * 0.5, -pixel * 0.3)
            painter.drawText(corner, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                             slide_counter(state.slide, self.deck.section_count))
        if state.typed_number:
            painter.setFont(scaled_font(family, pixel * 0.8, bold=True))
            painter.setPen(MUTED)
            painter.drawText(area.adjusted(pixel * 0.5, 0, 0, -pixel * 0.3),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
                             f"→ {state.typed_number}")
        readings = term_readings(scene.blocks)
        if state.card_term:
            card = self.deck.card(state.card_term, readings.get(state.card_term, ""))
            paint_card(painter, area, card, family)
        elif state.cards_visible:
            cards = [self.deck.card(term, reading) for term, reading in readings.items()]
            paint_card_grid(painter, area, cards, family)

    def _paint_end(self, painter: QPainter, size: QSizeF) -> None:
        painter.setPen(MUTED)
        painter.setFont(scaled_font(self.deck.family or "", base_pixel_size(size) * 0.6))
        painter.drawText(QRectF(QPointF(0, 0), size), int(Qt.AlignmentFlag.AlignCenter), "— 完 · end —")

    def _slide_point(self, point: QPointF) -> QPointF:
        """Map a widget point to slide coordinates (they differ only in a scaled preview)."""
        size = self.slide_size()
        scale = min(self.width() / size.width(), self.height() / size.height())
        dx, dy = (self.width() - size.width() * scale) / 2, (self.height() - size.height() * scale) / 2
        return QPointF((point.x() - dx) / scale, (point.y() - dy) / scale)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Report a click on a card, a glossary term or a paragraph."""
        if not self.projector or event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        state = self.model.state
        if state.card_term or state.cards_visible:
            self.cardClicked.emit()
            return None
        scene = self.scene()
        found = scene.hit(self._slide_point(event.position())) if scene else None
        if found is None:
            return None
        block, offset = found
        term = next((h.term for h in block.hits if h.start <= offset < h.end), None)
        if term:
            self.termClicked.emit(term)
        elif block.paragraph_id:
            self.paragraphClicked.emit(block.paragraph_id)
        return None
