"""The two presentation windows: the projector's full-screen slide, and the trainer's presenter view.

Both turn key presses into command intents and send them to the controller; neither changes state itself.

Signals (both windows):
    commandRequested(str, object): a key asked for a command (see `reader.ui.present.keys`).
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.presentation import Blank, ElapsedClock, format_elapsed, trainer_notes
from reader.core.slides import slide_position
from reader.ui.present.canvas import SlideCanvas
from reader.ui.present.deck import Deck, PresentationModel
from reader.ui.present.keys import HELP, command_for_key
from reader.ui.present.slide_blocks import slide_blocks, terms_on_slide


class KeyedWindow(QWidget):
    """A top-level window whose keys become presentation commands."""

    commandRequested = Signal(str, object)
    closedByUser = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Send the command of a presentation key; let other keys through."""
        found = command_for_key(event)
        if found is None:
            super().keyPressEvent(event)
            return
        self.commandRequested.emit(*found)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Tell the controller the window was closed from outside (title bar, window manager)."""
        if not getattr(self, "closing_on_purpose", False):
            self.closedByUser.emit()
        super().closeEvent(event)


class PresentationWindow(KeyedWindow):
    """The slide, full screen on the projector."""

    def __init__(self, deck: Deck, model: PresentationModel) -> None:
        super().__init__()
        self.setWindowTitle(f"Presenting: {deck.article.title} — Dubao")
        self.canvas = SlideCanvas(deck, model, 0, projector=True, parent=self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        self.setCursor(Qt.CursorShape.PointingHandCursor)


def _caption(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("color: #9a9a9a; font-size: 11pt;")
    return label


class PresenterWindow(KeyedWindow):
    """The trainer's view: current and next slide, notes and highlights, glossary terms, clock and timer."""

    def __init__(self, deck: Deck, model: PresentationModel, projector: QWidget | None = None) -> None:
        super().__init__()
        self.deck, self.model = deck, model
        self.clock = ElapsedClock()
        self.setWindowTitle(f"Presenter — {deck.article.title}")
        self.setStyleSheet("background: #202124; color: #e8e6e3;")
        self.current = SlideCanvas(deck, model, 0, projector=False, parent=self, reference=projector)
        self.next = SlideCanvas(deck, model, 1, projector=False, parent=self, reference=projector)
        self.notes = QListWidget(self)
        self.terms = QListWidget(self)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # section headings are text, never markup
        self.time_label = QLabel(self)
        self.elapsed_label = QLabel(self)
        self.pause_button = QPushButton("Pause", self)
        self.reset_button = QPushButton("Reset", self)
        self._build_layout()
        self.pause_button.clicked.connect(self.toggle_timer)
        self.reset_button.clicked.connect(self.reset_timer)
        self._ticker = QTimer(self)
        self._ticker.timeout.connect(self.refresh_clock)
        self._ticker.start(500)
        model.changed.connect(self.refresh)
        self.clock.start(time.monotonic())
        self.refresh()

    def _build_layout(self) -> None:
        for widget in (self.notes, self.terms, self.pause_button, self.reset_button):
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.time_label.setStyleSheet("font-size: 26pt; font-weight: bold;")
        self.elapsed_label.setStyleSheet("font-size: 26pt; color: #f0b860;")
        grid = QGridLayout(self)
        grid.addWidget(_caption("Now"), 0, 0)
        grid.addWidget(_caption("Next"), 0, 1)
        grid.addWidget(self.current, 1, 0)
        grid.addWidget(self.next, 1, 1)
        grid.addWidget(self.status, 2, 0, 1, 2)
        grid.addWidget(_caption("Your notes and highlights in this section"), 3, 0)
        grid.addWidget(_caption("Glossary terms on this slide"), 3, 1)
        grid.addWidget(self.notes, 4, 0)
        grid.addWidget(self.terms, 4, 1)
        timers = QHBoxLayout()
        for widget in (self.time_label, self.elapsed_label, self.pause_button, self.reset_button):
            timers.addWidget(widget)
        help_line = _caption(HELP)
        help_line.setWordWrap(True)
        timers.addWidget(help_line, 1)
        grid.addLayout(timers, 5, 0, 1, 2)
        grid.setRowStretch(1, 5)
        grid.setRowStretch(4, 3)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)

    def refresh(self) -> None:
        """Show the notes, terms and status of the current slide."""
        state = self.model.state
        slide = state.slide
        section_ids = [p.id for p in self.deck.article.sections[slide.section_index].paragraphs] \
            if slide.section_index is not None else []
        self.notes.clear()
        self.notes.addItems(trainer_notes(self.deck.annotations, section_ids) or ["(none)"])
        self.terms.clear()
        blocks = slide_blocks(self.deck.article, slide, self.deck.annotated, None)
        self.terms.addItems([self._term_line(term) for term in terms_on_slide(blocks)] or ["(none)"])
        self.status.setText(self._status_text())
        self.refresh_clock()

    def _term_line(self, term: str) -> str:
        card = self.deck.card(term)
        return " · ".join(part for part in (card.term, card.pinyin, card.english) if part)

    def _status_text(self) -> str:
        state = self.model.state
        slide = state.slide
        parts = [slide_position(slide, self.deck.section_count), "pinyin shown" if state.pinyin else "pinyin hidden"]
        if state.blank is not Blank.NONE:
            parts.append(f"SCREEN {state.blank.value.upper()}")
        if state.typed_number:
            parts.append(f"go to section {state.typed_number}…")
        return "   ·   ".join(parts)

    def refresh_clock(self) -> None:
        """Update the wall clock and the elapsed timer."""
        now = time.monotonic()
        self.time_label.setText(time.strftime("%H:%M"))
        self.elapsed_label.setText(format_elapsed(self.clock.elapsed(now)))
        self.pause_button.setText("Pause" if self.clock.running else "Resume")

    def toggle_timer(self) -> None:
        """Pause or resume the elapsed timer."""
        self.clock.toggle(time.monotonic())
        self.refresh_clock()

    def reset_timer(self) -> None:
        """Set the elapsed timer back to zero."""
        self.clock.reset(time.monotonic())
        self.refresh_clock()
