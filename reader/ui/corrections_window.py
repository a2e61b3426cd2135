"""The "My corrections" window: every reading and word cut the reader fixed, to edit, remove or undo.

Signals (intents; the main window wires them):
    editRequested(str, str): change this word's correction of this kind ("reading", "split", "merge").
    removeRequested(str, str): drop this word's correction of this kind.
    undoRequested(): put back what the last correction changed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)


class CorrectionsWindow(QDialog):
    """A table of corrections (word, what was corrected, the correction) with Edit, Remove and Undo."""

    editRequested = Signal(str, str)
    removeRequested = Signal(str, str)
    undoRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("correctionsWindow")
        self.setWindowTitle(self.tr("My Corrections"))
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Word"), self.tr("Correction"), self.tr("Now read as")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.undo_button = QPushButton(self.tr("Undo Last Correction"), self)
        buttons = QHBoxLayout()
        for button in (self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.undo_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.edit_button.clicked.connect(lambda: self._emit_for_selection(self.editRequested))
        self.table.itemDoubleClicked.connect(lambda _item: self._emit_for_selection(self.editRequested))
        self.remove_button.clicked.connect(lambda: self._emit_for_selection(self.removeRequested))
        self.undo_button.clicked.connect(self.undoRequested.emit)
        self.reading_formatter = lambda syllables: " ".join(syllables)  # the window shows them as the view does
        self.resize(560, 380)

    def kind_label(self, kind: str) -> str:
        """Return the translated name of a kind of correction."""
        return {"reading": self.tr("Reading"), "split": self.tr("Split"), "merge": self.tr("Joined")}.get(kind, kind)

    def set_rows(self, corrections: list, undo_available: bool, message: str = "") -> None:
        """Show the corrections (reader.core.corrections.Correction) and whether Undo has something to undo."""
        self.table.setRowCount(len(corrections))
        for row, correction in enumerate(corrections):
            shown = " | ".join(correction.value) if correction.kind == "split" else \
                self.reading_formatter(correction.value) if correction.kind == "reading" else correction.word
            for column, text in enumerate((correction.word, self.kind_label(correction.kind), shown)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, (correction.word, correction.kind))
                self.table.setItem(row, column, item)
        self.undo_button.setEnabled(undo_available)
        self.message.setText(message or self.tr("{0} corrections; each applies to every article.").format(
            len(corrections)))

    def words_shown(self) -> list[str]:
        """Return the corrected words listed, top to bottom."""
        return [self.table.item(r, 0).text() for r in range(self.table.rowCount())]

    def _emit_for_selection(self, signal) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            word, kind = self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)
            signal.emit(word, kind)
