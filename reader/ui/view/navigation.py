"""Positions in the article view: hit testing, scrolling to a place, and the section being read (a mixin of
ArticleView, kept apart to keep each module short)."""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, QRect

from reader.ui.view.word import WordRef


class NavigationMixin:
    """Where things are on screen and which section is being read; mixed into ArticleView."""

    # --- positions ------------------------------------------------------------------------------------------------
    def viewport_to_document(self, point: QPoint) -> tuple[float, float]:
        """Return layout coordinates of a viewport point."""
        top = self.verticalScrollBar().value() - self.margin()
        return point.x() - self.column_left(), point.y() + top

    def position_at(self, point: QPoint, caret: bool = False) -> tuple[int, int] | None:
        """Return (block, offset) under a viewport point, or None outside the text."""
        self.ensure_layout()
        if not self.layout_ or not self.layout_.lines:
            return None
        x, y = self.viewport_to_document(point)
        return self.layout_.position_at(x, y, caret)

    def word_at(self, block: int, offset: int) -> WordRef | None:
        """Return the word at a character position: the glossary term covering it first, else its token."""
        if self.document is None or not (0 <= block < len(self.document.blocks)):
            return None
        item = self.document.blocks[block]
        if not (0 <= offset < len(item.text)) or item.text[offset].isspace():
            return None
        hit = next((h for h in item.glossary if h.start <= offset < h.end), None)
        token = item.token_at(offset)
        start, end = (hit.start, hit.end) if hit else (token.start, token.end) if token else (offset, offset + 1)
        readings = tuple(item.readings()[start:end])
        return WordRef(block, start, end, item.text[start:end], token, hit.term if hit else None, item.key, readings)

    def span_rect(self, block: int, start: int, end: int) -> QRect:
        """Return the viewport rectangle around characters [start, end) of `block` (united over lines)."""
        self.reach_block(block)
        top = self.verticalScrollBar().value() - self.margin()
        rect = QRect()
        for index, x0, x1 in self.layout_.span_rects(block, start, end):
            line = self.layout_.lines[index]
            rect = rect.united(QRect(int(self.column_left() + x0), int(line.top - top), int(x1 - x0) + 1,
                                     int(line.height)))
        return rect

    def top_position(self) -> tuple[int, int]:
        """Return (block, offset) of the first character at the top of the view (or the place navigated to, when
        the end of the article kept it from reaching the top)."""
        if self._anchor is not None:
            return self._anchor
        if not self.layout_ or not self.layout_.lines:
            return 0, 0
        top = self.verticalScrollBar().value()
        line = self.layout_.lines[self.layout_.line_index_at_y(top)]
        return line.block, line.start

    def scroll_to(self, block: int, offset: int = 0) -> None:
        """Scroll so that character `offset` of `block` is on the top line (once laid out, for a hidden view)."""
        if self.layout_ is None and self.document is not None:
            self._anchor = (block, offset)
            return
        self.reach_block(block)
        if not self.layout_ or not (0 <= block < len(self.layout_.first_line_of_block)):
            return
        line = self.layout_.lines[self.layout_.line_of(block, offset)]
        self._navigating = True
        self.verticalScrollBar().setValue(math.ceil(line.top))
        self._navigating = False
        self._anchor = (block, offset) if self.verticalScrollBar().value() < math.ceil(line.top) else None

    def relayout_in_place(self) -> None:
        """Lay out again keeping the line at the top of the view where it is, to the pixel (its characters may move
        along it): pinyin arriving for the text on screen moves nothing up or down."""
        if self._anchor is not None or not self.layout_ or not self.layout_.lines:
            self.relayout(keep_position=True)
            return
        bar = self.verticalScrollBar()
        block, offset = self.top_position()
        above = bar.value() - self.layout_.lines[self.layout_.line_of(block, offset)].top
        self.relayout(keep_position=True)
        if self._anchor is None:
            bar.setValue(round(self.layout_.lines[self.layout_.line_of(block, offset)].top + above))

    def ensure_visible(self, block: int, start: int, end: int) -> None:
        """Scroll (to a third of the view) when the span is not wholly visible."""
        rect = self.span_rect(block, start, end)
        if rect.top() < 0 or rect.bottom() >= self.viewport().height():
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + rect.top() - self.viewport().height() // 3)

    # --- sections ---------------------------------------------------------------------------------------------------
    def current_section(self) -> int:
        """Return the section being read: the one navigated to, else the one at the top (mid-view at the end)."""
        if not self.document or not self.document.blocks or not self.layout_ or not self.layout_.lines:
            return 0
        if self._pinned_section is not None:
            return self._pinned_section
        bar = self.verticalScrollBar()
        reading_y = bar.value() + 1
        if bar.value() >= bar.maximum() > 0:
            reading_y += self.viewport().height() // 2
        block = self.layout_.lines[self.layout_.line_index_at_y(reading_y)].block
        return self.document.section_of_block(block)

    def go_to_section(self, index: int) -> None:
        """Scroll so that section `index` starts at the top (as far as the article allows) and make it current."""
        if self.document and 0 <= index < len(self.document.sections):
            block = self.document.sections[index].first_block
            self.scroll_to(block)
            self._pinned_section = index
            self.selection.move((block, 0), extend=False)
            self._navigating = True
            self._scrolled()
            self._navigating = False

    def step_section(self, delta: int) -> None:
        """Go to the next (`delta` = 1) or previous (-1) section."""
        if self.document and self.document.sections:
            target = min(max(self.current_section() + delta, 0), len(self.document.sections) - 1)
            self.go_to_section(target)

    def _scrolled(self, *_: object) -> None:
        if not self._navigating:
            self._pinned_section = self._anchor = None
        self.viewport().update()
        self.positionChanged.emit()
        section = self.current_section()
        if section != self._current_section:
            self._current_section = section
            self.sectionChanged.emit(section)
