"""Selection, copying, find highlights and input (mouse, hover, keys) of the article view (a mixin of ArticleView)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent

from reader.ui.view.keys import handle_view_key
from reader.ui.view.note_marks import note_at
from reader.ui.view.selection import Selection, selected_text, selected_text_with_pinyin
from reader.ui.view.word import WordRef


class InteractionMixin:
    """Selecting, copying, highlighting matches, and turning clicks, hovers and keys into intents."""

    # --- selection and copying ------------------------------------------------------------------------------
    def selected_text(self) -> str:
        """Return the selected text as plain text."""
        return selected_text(self.document, self.selection) if self.document else ""

    def selected_text_with_pinyin(self) -> str:
        """Return the selected text with each word's pinyin after it."""
        if not self.document:
            return ""
        return selected_text_with_pinyin(self.document, self.selection,
                                         lambda r: self.formatter(r, self.style_.tone_marks))

    def select_all(self) -> None:
        """Select the whole article."""
        if self.document and self.document.blocks:
            last = len(self.document.blocks) - 1
            self.selection = Selection((0, 0), (last, len(self.document.blocks[last].text)))
            self.viewport().update()

    def set_matches(self, matches: list[tuple[int, int, int]], current: int) -> None:
        """Highlight find matches, the `current` one distinctly, and bring it into view."""
        self.matches, self.current_match = matches, current
        if 0 <= current < len(matches):
            self.ensure_visible(*matches[current])
        self.viewport().update()

    # --- input ------------------------------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        """Start a selection (or extend it with Shift)."""
        position = self.position_at(event.position().toPoint(), caret=True)
        if event.button() == Qt.MouseButton.LeftButton and position is not None:
            self.keyboard_caret = False
            extend = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.selection.move(position, extend)
            self._press = event.position().toPoint()
            self.viewport().update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        """Extend the selection while dragging; otherwise wait for the hover to rest on a word."""
        point = event.position().toPoint()
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            position = self.position_at(point, caret=True)
            if position is not None:
                self.selection.move(position, extend=True)
                self.viewport().update()
            return
        self._hover_pos = point
        self._hover_timer.start()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        """A click without a drag activates the word under the pointer."""
        press, self._press = self._press, None
        point = event.position().toPoint()
        if press is not None and (point - press).manhattanLength() < 4 and self.selection.empty:
            self._hover_timer.stop()
            self.activate_at(point)

    def activate_at(self, point: QPoint) -> WordRef | None:
        """Emit `wordActivated` for the word under a viewport point and return it; on a noted highlight emit
        `noteActivated` instead (and return None)."""
        position = self.position_at(point)
        note = note_at(self.note_marks, *position) if position else None
        if note is not None:
            self.noteActivated.emit(note)
            return None
        word = self.word_at(*position) if position else None
        if word is not None:
            x, y = self.viewport_to_document(point)
            line = self.layout_.lines[self.layout_.line_index_at_y(y)]
            if line.xs and x <= line.xs[-1] + line.widths[-1] and x >= line.xs[0]:
                self.wordActivated.emit(word)
                return word
        return None

    def _hover_fired(self) -> None:
        if self._hover_pos is not None and self.isVisible() and self._press is None:
            self.activate_at(self._hover_pos)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        """Move the caret (Shift extends the selection); Enter opens the caret's word."""
        if handle_view_key(self, event):
            self.keyboard_caret = True
            self.viewport().update()
        else:
            super().keyPressEvent(event)
