"""The article view: ruby text laid out once per width, painted line by line from a pixmap cache.

Signals:
    wordActivated(WordRef): a click on a word, Enter on the caret's word, or a hover that rested on a word.
    noteActivated(int): the same on a highlight that carries a note (the annotation's id): its note, not the word.
    sectionChanged(int): the section at the top of the view changed while scrolling.
    positionChanged(): the reading position (first visible character) changed.
    layoutCompleted(): a long article finished laying out in the background.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QPoint, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractScrollArea, QFrame, QWidget

from reader.core.lang.scripts import Script, shown_text
from reader.ui.view.document import ViewDocument
from reader.ui.view.interaction import InteractionMixin
from reader.core.layout import DocumentLayout, LayoutBlock, LayoutBuilder, LazyBlocks
from reader.ui.view.navigation import NavigationMixin
from reader.core.pinyin_display import shown_readings, tone_of
from reader.ui.view.note_marks import paint_note_marks
from reader.ui.view.render import LineRenderer, fill_rect, view_measure
from reader.ui.view.selection import Selection
from reader.ui.view.style import KIND_STYLES, ViewStyle
from reader.ui.view.word import WordRef

__all__ = ["ArticleView", "WordRef", "numbered_readings"]

ReadingFormatter = Callable[[list[str | None], bool], list[str | None]]
COLUMN_EMS = 34  # the widest text column, in characters of body text
HOVER_DELAY_MS = 450
LAYOUT_SLICE_S = 0.008  # layout work per idle moment for long articles (well under a frame)
PREFETCH_BATCH = 4  # lines drawn ahead per idle moment (a few milliseconds, so input is never held up)


def numbered_readings(readings: list[str | None], tone_marks: bool) -> list[str | None]:
    """The formatter used until the language layer's is given: readings as numbered syllables."""
    return list(readings)


class ArticleView(NavigationMixin, InteractionMixin, QAbstractScrollArea):
    """Shows a `ViewDocument` as ruby text; handles scrolling, selection, hit testing and highlights."""

    wordActivated = Signal(object)
    noteActivated = Signal(int)
    layoutCompleted = Signal()
    sectionChanged = Signal(int)
    positionChanged = Signal()

    def __init__(self, parent: QWidget | None = None, style: ViewStyle | None = None) -> None:
        super().__init__(parent)
        self.document: ViewDocument | None = None
        self.style_ = style or ViewStyle()
        self.script = Script.AS_WRITTEN
        self._shown_texts: dict[str, str] = {}
        self.formatter: ReadingFormatter = numbered_readings
        self.selection = Selection()
        self.matches: list[tuple[int, int, int]] = []
        self.current_match = -1
        self.highlights: list[tuple[tuple[int, int, int], str]] = []  # the reader's highlights: (span, colour)
        self.note_marks: list[tuple[tuple[int, int, int], int]] = []  # highlights with a note: (span, id)
        self.keyboard_caret = False  # the caret is drawn once the reader moves it with the keys (a reader, not an editor)
        self.layout_: DocumentLayout | None = None
        self._ruby: list[list[str | None]] = []
        self._line_data: dict[int, tuple] = {}
        self._current_section = -1
        self._pinned_section: int | None = None
        self._anchor: tuple[int, int] | None = None  # where navigation wanted the top to be, if it could not
        self._navigating = False
        self._press: QPoint | None = None
        self._hover_pos: QPoint | None = None
        self._hover_timer = QTimer(self, singleShot=True, interval=HOVER_DELAY_MS, timeout=self._hover_fired)
        self._rebuild_measure()
        self.setFrameShape(QFrame.Shape.NoFrame)  # the page runs to the window's edges
        self.viewport().setMouseTracking(True)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # paintEvent fills it; Qt need not
        self.viewport().setAutoFillBackground(False)
        self._prefetch_timer = QTimer(self, singleShot=True, interval=0, timeout=self._prefetch)
        self._layout_timer = QTimer(self, singleShot=True, interval=0, timeout=self._continue_layout)
        self._builder: LayoutBuilder | None = None
        self.viewport().setCursor(Qt.CursorShape.IBeamCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)  # a scroll bar that comes and goes would change the width and force a second layout

    # --- content and style -------------------------------------------------------------------------------------
    def set_document(self, document: ViewDocument) -> None:
        """Show `document` from its top."""
        self.document = document
        self.selection = Selection()
        self.matches, self.current_match, self._current_section = [], -1, -1
        self.highlights, self.note_marks = [], []
        self._pinned_section = self._anchor = None
        self.layout_ = None
        self._builder = None
        self._line_data = {}
        if self.isVisible():  # a hidden view lays out when first shown, at its real width (once)
            self.relayout()
            self.verticalScrollBar().setValue(0)
        self._scrolled()

    def refresh_annotation(self) -> None:
        """Lay out again after the document received its annotation, keeping the reading position."""
        if self.layout_ is None:  # not laid out yet (a hidden window): its first layout includes the annotation
            return
        self.relayout_in_place()

    def set_style(self, style: ViewStyle) -> None:
        """Apply new fonts, theme, spacing or pinyin options, keeping the reading position."""
        self.style_ = style
        self._rebuild_measure()
        self.relayout(keep_position=True)

    def set_highlights(self, highlights: list[tuple[tuple[int, int, int], str]]) -> None:
        """Draw the reader's highlights, each a ((block, start, end), colour), under the text."""
        self.highlights = list(highlights)
        self.viewport().update()

    def set_note_marks(self, marks: list[tuple[tuple[int, int, int], int]]) -> None:
        """Mark the highlights that carry a note, each a ((block, start, end), annotation id)."""
        self.note_marks = list(marks)
        self.viewport().update()

    def set_formatter(self, formatter: ReadingFormatter) -> None:
        """Use `formatter` to turn numbered readings into the pinyin shown (tone marks or numbers)."""
        self.formatter = formatter
        self.relayout(keep_position=True)

    def set_script(self, script: Script) -> None:
        """Draw the characters in `script` (display only: offsets, words, notes and find are unchanged)."""
        self.script = script
        self._shown_texts = {}
        self.relayout(keep_position=True)

    def _glyph_text(self, text: str) -> str:
        """Return the characters drawn for `text`: itself, or its form in the chosen script (same length)."""
        if self.script is Script.AS_WRITTEN:
            return text
        shown = self._shown_texts.get(text)
        if shown is None:
            shown = self._shown_texts[text] = shown_text(text, self.script)
        return shown

    def _rebuild_measure(self) -> None:
        self.measure = view_measure(self.style_)
        self.renderer = LineRenderer(self.measure, self.style_)

    # --- layout --------------------------------------------------------------------------------------------------
    def column_width(self) -> float:
        """Return the width of the text column for the current viewport."""
        em = self.measure.char_width("中", "paragraph")
        return max(120.0, min(self.viewport().width() - 2 * self.margin(), COLUMN_EMS * em))

    def margin(self) -> float:
        """Return the space around the text column."""
        return max(12.0, self.style_.point_size)

    def column_left(self) -> float:
        """Return the x of the text column's left edge in the viewport."""
        return max(self.margin(), (self.viewport().width() - self.column_width()) / 2)

    def relayout(self, keep_position: bool = False) -> None:
        """Lay the document out for the current width (once per width, style or mode change): the screen to show
        at once, the rest a few milliseconds at a time while the reader is idle."""
        if self.document is None:
            return
        position = self.top_position() if keep_position or self._anchor is not None else None
        self._anchor = None
        self._line_data = {}
        blocks = LazyBlocks(len(self.document.blocks), self._layout_block)
        chars = sum(len(b.text) for b in self.document.blocks)
        self._builder = LayoutBuilder(blocks, self.column_width(), self.measure, self.style_.line_spacing,
                                      chars_total=chars)
        self.layout_ = self._builder.layout
        self._builder.extend_through(position[0] if position else 0)
        self._builder.extend_below(self._builder.y + 2 * self.viewport().height())
        self.renderer.clear()
        self._update_scrollbar()
        if position is not None:
            self.scroll_to(*position)
        if not self._builder.complete:
            self._layout_timer.start()
        self.viewport().update()

    def _continue_layout(self) -> None:
        """Lay out the next blocks (about one frame's worth) and keep the scroll bar's range in step."""
        if self._builder is None or self._builder.complete:
            return
        self._builder.extend_for(LAYOUT_SLICE_S)
        self._update_scrollbar()
        if not self._builder.complete:
            self._layout_timer.start()
        else:
            self.layoutCompleted.emit()

    @property
    def laying_out(self) -> bool:
        """True while the rest of the document is being laid out in idle moments (`layoutCompleted` follows)."""
        return self._builder is not None and not self._builder.complete

    def reach_block(self, block: int) -> None:
        """Make sure everything up to `block` is laid out (before asking where it is)."""
        self.ensure_layout()
        if self._builder is not None and not self._builder.complete and block >= self._builder.next_block:
            self._builder.extend_through(block)
            self._update_scrollbar()

    def _reach_y(self, y: float) -> None:
        if self._builder is not None and not self._builder.complete and y >= self._builder.y:
            self._builder.extend_below(y)
            self._update_scrollbar()

    def _layout_block(self, index: int) -> LayoutBlock:
        block = self.document.blocks[index]
        numbered = shown_readings(len(block.text), block.tokens, block.glossary, self.style_.pinyin)
        shown = self.formatter(numbered, self.style_.tone_marks)
        tones = [tone_of(r) for r in numbered]
        underline = [False] * len(block.text)
        for hit in block.glossary:
            underline[hit.start:hit.end] = [True] * (min(hit.end, len(block.text)) - hit.start)
        self._line_data[index] = (block.kind.value, self._glyph_text(block.text), shown, tones, underline)
        kind = KIND_STYLES[block.kind.value]
        words = [(t.start, t.end) for t in block.tokens] if block.tokens else []
        return LayoutBlock(block.text, block.kind.value, words, shown, kind.indent_em, kind.space_before, kind.align,
                           ruby_pending=self.document.awaits_pinyin(index, self.style_.pinyin))  # no jump later

    def ensure_layout(self) -> None:
        """Lay the document out now if it has not been yet (a view shown for the first time)."""
        if self.layout_ is None and self.document is not None:
            self.relayout()

    def _update_scrollbar(self) -> None:
        bar = self.verticalScrollBar()
        height = int(self.layout_.height + self.margin()) if self.layout_ else 0
        bar.setRange(0, max(0, height - self.viewport().height()))
        bar.setPageStep(self.viewport().height())
        bar.setSingleStep(max(1, int(self.measure.text_height("paragraph"))))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        """Lay out again only when the column width really changed."""
        super().resizeEvent(event)
        if self.layout_ is None and self.document is not None and self.isVisible():
            self.relayout()
        elif self.layout_ is not None and abs(self.layout_.width - self.column_width()) > 0.5:
            self.relayout(keep_position=True)
        elif self.layout_ is not None:
            self._update_scrollbar()

    # --- painting -----------------------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        """Paint the visible lines: highlights first, then each line's cached pixmap."""
        self.ensure_layout()
        painter = QPainter(self.viewport())
        painter.fillRect(event.rect(), QColor(self.style_.theme.background))
        if self.layout_ is not None and self.document is not None:
            self._paint_lines(painter, event.rect())
        painter.end()

    def _paint_lines(self, painter: QPainter, area: QRect) -> None:
        top, left = self.verticalScrollBar().value() - self.margin(), self.column_left()
        self._reach_y(top + area.bottom() + 1)
        visible = self.layout_.visible_lines(top + area.top(), top + area.bottom() + 1)
        self._paint_highlights(painter, visible, top, left)
        paint_note_marks(self, painter, visible, top, left)
        dpr = self.devicePixelRatioF()
        for index in visible:
            line = self.layout_.lines[index]
            if line.xs:
                pixmap = self.renderer.pixmap(index, line, lambda l: self._line_data[l.block], dpr)
                painter.drawPixmap(QRectF(left, line.top - top, pixmap.width() / dpr, pixmap.height() / dpr),
                                   pixmap, QRectF(pixmap.rect()))
        self._paint_caret(painter, top, left)
        self.renderer.capacity = max(90, 4 * len(visible))
        self._prefetch_timer.start()

    def _prefetch(self) -> None:
        """Draw, a few at a time while the reader is idle, the lines a page above and below the view."""
        if self.layout_ is None or not self.layout_.lines or not self.isVisible():
            return
        top, height = self.verticalScrollBar().value() - self.margin(), self.viewport().height()
        visible = self.layout_.visible_lines(top, top + height)
        below = range(visible.stop, min(visible.stop + len(visible), len(self.layout_.lines)))
        above = range(max(visible.start - len(visible) // 2, 0), visible.start)
        missing = [i for i in list(below) + list(above) if not self.renderer.has(i) and self.layout_.lines[i].xs]
        dpr = self.devicePixelRatioF()
        for index in missing[:PREFETCH_BATCH]:
            self.renderer.pixmap(index, self.layout_.lines[index], lambda l: self._line_data[l.block], dpr)
        if len(missing) > PREFETCH_BATCH:
            self._prefetch_timer.start()

    def _paint_highlights(self, painter: QPainter, visible: range, top: float, left: float) -> None:
        theme = self.style_.theme
        spans = list(self.highlights)  # under find matches and the selection, so those stay visible on them
        spans += [(m, theme.find_current if i == self.current_match else theme.find_match)
                  for i, m in enumerate(self.matches)]
        spans += [(r, theme.selection) for r in self.selection.block_ranges(self.document)]
        first, last = visible.start, visible.stop
        for (block, start, end), colour in spans:
            if not (self.layout_.lines[first].block <= block <= self.layout_.lines[last - 1].block):
                continue
            for index, x0, x1 in self.layout_.span_rects(block, start, end):
                line = self.layout_.lines[index]
                fill_rect(painter, QRectF(left + x0, line.top - top, x1 - x0, line.height), colour)

    def _paint_caret(self, painter: QPainter, top: float, left: float) -> None:
        if not self.hasFocus() or not self.keyboard_caret or not self.layout_.lines:
            return
        rect = self.caret_rect()
        painter.fillRect(rect, QColor(self.style_.theme.text))

    def caret_rect(self) -> QRect:
        """Return the caret's rectangle in viewport coordinates."""
        block, offset = self.selection.caret
        self.reach_block(block)
        index = self.layout_.line_of(block, offset)
        line = self.layout_.lines[index]
        i = offset - line.start
        x = line.xs[i] if i < len(line.xs) else (line.xs[-1] + line.widths[-1] if line.xs else 0.0)
        top = self.verticalScrollBar().value() - self.margin()
        return QRect(int(self.column_left() + x), int(line.top - top), 2, int(line.height))
