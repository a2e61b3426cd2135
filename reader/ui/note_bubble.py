"""The note bubble: a highlight's note shown beside it in the text, editable in place.

Hovering or clicking a highlight that carries a note opens this bubble (not the word popup). The note can be changed
right there: Save (or Ctrl+Enter) keeps it, and closing the bubble (✕, or Esc through the window) after a change keeps
it too; Delete removes it.

Signals (intents; the main window wires them):
    saveRequested(int, str): give the annotation with this id this note.
    deleteRequested(int): delete the annotation with this id (undoably).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QToolButton, QVBoxLayout, QWidget

from reader.ui.popup import place_beside

BUBBLE_WIDTH, BUBBLE_HEIGHT = 320, 170
QUOTE_CHARS = 30


class NoteBubble(QFrame):
    """A small card with the quoted passage, the note in an editor, and Save / Delete."""

    saveRequested = Signal(int, str)
    deleteRequested = Signal(int)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("noteBubble")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.annotation_id: int | None = None
        self._saved_text = ""
        self.quote = QLabel(self)
        self.quote.setTextFormat(Qt.TextFormat.PlainText)
        self.quote.setWordWrap(True)
        self.editor = QPlainTextEdit(self)
        self.editor.setTabChangesFocus(True)
        self.save_button, self.delete_button = QPushButton(self), QPushButton(self)
        close = QToolButton(self, text="✕")
        close.setAutoRaise(True)
        close.clicked.connect(self.close_bubble)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self._delete)
        self.editor.installEventFilter(self)  # Ctrl+Enter saves (before the window's Ctrl+Enter "look up" takes it)
        top = QHBoxLayout()
        top.addWidget(self.quote, 1)
        top.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.editor, 1)
        layout.addLayout(buttons)
        self.retranslate()
        self.hide()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        """Ctrl+Enter in the editor saves the note."""
        if watched is self.editor and event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                    event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    self.save()
                return True
        return super().eventFilter(watched, event)

    def retranslate(self) -> None:
        """Set the texts again in the interface language now installed."""
        self.save_button.setText(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Keep the changed note (Ctrl+Enter)"))
        self.delete_button.setText(self.tr("Delete"))
        self.editor.setPlaceholderText(self.tr("Your note"))

    def show_note(self, annotation_id: int, quote: str, note: str, beside: QRect) -> None:
        """Show the note of `annotation_id` (on `quote`) beside the rectangle `beside` (parent coordinates)."""
        if self.isVisible() and annotation_id == self.annotation_id:
            return
        self.keep_changes()
        self.annotation_id, self._saved_text = annotation_id, note
        short = quote if len(quote) <= QUOTE_CHARS else quote[:QUOTE_CHARS] + "…"
        self.quote.setText(f"“{short}”")
        self.editor.setPlainText(note)
        bounds = self.parentWidget().rect().adjusted(4, 4, -4, -4)
        self.setGeometry(place_beside(beside, (BUBBLE_WIDTH, BUBBLE_HEIGHT), bounds))
        self.show()
        self.raise_()

    def changed(self) -> bool:
        """Return whether the note in the editor differs from the one stored."""
        return self.annotation_id is not None and self.editor.toPlainText().strip() != self._saved_text.strip()

    def save(self) -> None:
        """Keep the edited note (nothing when unchanged)."""
        if self.changed():
            self._saved_text = self.editor.toPlainText()
            self.saveRequested.emit(self.annotation_id, self._saved_text.strip())

    def keep_changes(self) -> None:
        """Save a changed note before the bubble goes away or shows another note."""
        if self.isVisible():
            self.save()

    def close_bubble(self) -> None:
        """Hide the bubble, keeping a changed note."""
        self.keep_changes()
        self.hide()

    def _delete(self) -> None:
        if self.annotation_id is not None:
            self.deleteRequested.emit(self.annotation_id)
        self.hide()
