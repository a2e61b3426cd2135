"""The vocabulary window: saved words with reading, meaning, sentence, article and status; filter, search, change.

Signals (intents; the main window wires them):
    filtersChanged(): the status filter or the search text changed (read them with `filters()`).
    statusChosen(list, str): give these words this status (new, learning, known).
    deleteRequested(list): remove these words from the vocabulary.
    markKnownRequested(int): mark every word of HSK levels 1..N known.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from reader.core.storage import VocabEntry

STATUSES = ("new", "learning", "known")
COLUMNS = ("word", "reading", "meaning", "sentence", "article", "status")
COLUMN_MAX_WIDTHS = {"word": 120, "reading": 160, "meaning": 220, "article": 160}  # the full text is in the tooltip


class VocabularyWindow(QDialog):
    """A table of saved words over a status filter and a search field, with status, delete and HSK buttons."""

    filtersChanged = Signal()
    statusChosen = Signal(list, str)
    deleteRequested = Signal(list)
    markKnownRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("vocabularyWindow")
        self.status_filter = QComboBox(self)
        for status in ("", *STATUSES):
            self.status_filter.addItem("", status)
        self.search = QLineEdit(self, clearButtonEnabled=True)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COLUMNS.index("sentence"), QHeaderView.ResizeMode.Stretch)  # it gives way,
        header.setStretchLastSection(False)  # so the status at the right end is always in view
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.status_buttons = {s: QPushButton(self) for s in STATUSES}
        self.delete_button = QPushButton(self)
        self.level = QSpinBox(self, minimum=1, maximum=7, value=3, prefix="HSK 1–")
        self.mark_button = QPushButton(self)
        self.labels = {key: QLabel(self) for key in ("show", "set", "mark")}
        self._lay_out()
        self.retranslate()
        self._debounce = QTimer(self, singleShot=True, interval=150, timeout=self.filtersChanged.emit)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.status_filter.currentIndexChanged.connect(lambda _i: self.filtersChanged.emit())
        for status, button in self.status_buttons.items():
            button.clicked.connect(lambda _=False, s=status: self._emit_for_selection(self.statusChosen, s))
        self.delete_button.clicked.connect(lambda: self._emit_for_selection(self.deleteRequested))
        self.mark_button.clicked.connect(lambda: self.markKnownRequested.emit(self.level.value()))
        self.reading_formatter: Callable[[str], str] = lambda reading: reading
        self.resize(880, 520)

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.labels["show"])
        filters.addWidget(self.status_filter)
        filters.addWidget(self.search, 1)
        changes = QHBoxLayout()
        changes.addWidget(self.labels["set"])
        for button in self.status_buttons.values():
            changes.addWidget(button)
        changes.addWidget(self.delete_button)
        changes.addStretch(1)
        changes.addWidget(self.labels["mark"])
        changes.addWidget(self.level)
        changes.addWidget(self.mark_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(changes)

    def retranslate(self) -> None:
        """Set the texts again in the interface language now installed (the rows' statuses on their next fill)."""
        self.setWindowTitle(self.tr("Vocabulary"))
        self.status_filter.setItemText(0, self.tr("All words"))
        for index, status in enumerate(STATUSES, start=1):
            self.status_filter.setItemText(index, self.status_label(status))
            self.status_buttons[status].setText(self.status_label(status))
        self.search.setPlaceholderText(self.tr("Search words, pinyin and meanings…"))
        self.table.setHorizontalHeaderLabels([self.tr("Word"), self.tr("Pinyin"), self.tr("Meaning"),
                                              self.tr("Sentence"), self.tr("Article"), self.tr("Status")])
        self.delete_button.setText(self.tr("Delete"))
        self.level.setToolTip(self.tr("7 stands for the band 7–9"))
        self.mark_button.setText(self.tr("Mark All Known"))
        self.labels["show"].setText(self.tr("Show:"))
        self.labels["set"].setText(self.tr("Set status:"))
        self.labels["mark"].setText(self.tr("Mark all words of"))

    def status_label(self, status: str) -> str:
        """Return the translated name of a status."""
        return {"new": self.tr("New"), "learning": self.tr("Learning"), "known": self.tr("Known")}[status]

    def filters(self) -> tuple[str | None, str]:
        """Return the chosen status (None for all) and the search text."""
        return self.status_filter.currentData() or None, self.search.text().strip()

    def set_rows(self, entries: list[VocabEntry], titles: dict[int, str], message: str = "") -> None:
        """Show `entries` (article titles looked up in `titles`) and a line under the table."""
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            values = (entry.word, self.reading_formatter(entry.reading), entry.meaning, entry.sentence, titles.get(entry.article_id, ""),
                      self.status_label(entry.status))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                item.setData(Qt.ItemDataRole.UserRole, entry.word)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        for name, widest in COLUMN_MAX_WIDTHS.items():
            column = COLUMNS.index(name)
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), widest))
        self.message.setText(message or self.tr("{0} words").format(len(entries)))

    def words_shown(self) -> list[str]:
        """Return the words listed, top to bottom."""
        return [self.table.item(r, 0).text() for r in range(self.table.rowCount())]

    def selected_words(self) -> list[str]:
        """Return the words of the selected rows, top to bottom."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.table.item(r, 0).text() for r in rows]

    def _emit_for_selection(self, signal, *extra) -> None:
        words = self.selected_words()
        if words:
            signal.emit(words, *extra)
