"""The note editor: a plain multi-line text field that Chinese input methods can type into."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

QUOTE_CHARS = 80


class NoteDialog(QDialog):
    """Write or change a note on a quoted passage (key events are never filtered, so input methods work)."""

    def __init__(self, parent: QWidget | None, title: str, quote: str, text: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("noteDialog")
        self.setWindowTitle(title)
        shown = quote if len(quote) <= QUOTE_CHARS else quote[:QUOTE_CHARS] + "…"
        self.quote = QLabel(f"“{shown}”", self, wordWrap=True)
        self.quote.setTextFormat(Qt.TextFormat.PlainText)
        self.editor = QPlainTextEdit(self)
        self.editor.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
        self.editor.setPlaceholderText(self.tr("Your note (optional)"))
        self.editor.setPlainText(text)
        self.editor.moveCursor(QTextCursor.MoveOperation.End)  # go on writing where the note ends
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.quote)
        layout.addWidget(self.editor)
        layout.addWidget(buttons)
        self.resize(420, 260)
        self.editor.setFocus()

    def note(self) -> str:
        """Return the note as written, without surrounding blank space."""
        return self.editor.toPlainText().strip()


def ask_note(parent: QWidget | None, title: str, quote: str, text: str = "") -> str | None:
    """Ask for a note on `quote`; return it ("" for none), or None when the reader cancelled."""
    dialog = NoteDialog(parent, title, quote, text)
    return dialog.note() if dialog.exec() == QDialog.DialogCode.Accepted else None
