"""The library panel: articles opened before, most recent first, with search by title and text, and how much of
each the reader knows ("96 % known · HSK 4"), sortable, with a filter for the articles they can read.

A click selects a row; a double-click or Enter opens it (so the second click of a double-click can never land on
another row after the list changed). Refilling the list keeps the selected article selected; titles wrap whole.

Signals:
    articleChosen(int): open the library article with this id.
    searchRequested(str): the reader typed a search (empty for the plain list) or changed the readable filter.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QHBoxLayout, QHeaderView, QLineEdit, QSpinBox,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

ID_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
TITLE_ROLE = Qt.ItemDataRole.UserRole + 2
DEFAULT_READABLE_PERCENT = 95


@dataclass(frozen=True)
class LibraryRow:
    """One row of the list: an article id, its title, a snippet or detail line, and its difficulty (None when its
    words were never counted: it was not read in the window yet)."""

    article_id: int
    title: str
    detail: str = ""
    difficulty: Any = None  # reader.core.difficulty.Difficulty


class _Item(QTreeWidgetItem):
    """A row that sorts the "known" column by coverage (unmeasured articles last), the title by text."""

    def __lt__(self, other: QTreeWidgetItem) -> bool:
        column = self.treeWidget().sortColumn() if self.treeWidget() else 0
        if column == 1:
            return float(self.data(1, SORT_ROLE)) < float(other.data(1, SORT_ROLE))
        return super().__lt__(other)


class LibraryPanel(QWidget):
    """A search field and a readable-only filter over a two-column list of articles."""

    articleChosen = Signal(int)
    searchRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryPanel")
        self.search = QLineEdit(self, clearButtonEnabled=True)
        self.readable_only = QCheckBox(self)
        self.threshold = QSpinBox(self, minimum=50, maximum=100, value=DEFAULT_READABLE_PERCENT, suffix=" %")
        self.table = QTreeWidget(self)
        self.table.setColumnCount(2)
        self.table.setRootIsDecorated(False)
        self.table.setWordWrap(False)  # a title too long for the column is elided; its tooltip holds it whole
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setWordWrap(True)  # whole titles, never cut with a "…"
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.header().setStretchLastSection(False)
        self.table.header().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # recent first until a header is clicked
        self.table.setSortingEnabled(True)
        self._lay_out()
        self._debounce = QTimer(self, singleShot=True, interval=150,
                                timeout=lambda: self.searchRequested.emit(self.search.text().strip()))
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.readable_only.toggled.connect(lambda _on: self._debounce.start())
        self.threshold.valueChanged.connect(lambda _v: self._debounce.start() if self.readable_only.isChecked() else None)
        self.table.itemDoubleClicked.connect(self._chosen)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(QKeySequence(key), self.table, lambda: self.table.currentItem() and self._chosen(
                self.table.currentItem()), context=Qt.ShortcutContext.WidgetShortcut)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the texts again in the interface language now installed."""
        self.search.setPlaceholderText(self.tr("Search titles and text…"))
        self.readable_only.setText(self.tr("Only articles I can read, at"))
        self.readable_only.setToolTip(self.tr("Articles whose running words you know at least this share of"))
        self.table.setHeaderLabels([self.tr("Article"), self.tr("Known")])

    def _lay_out(self) -> None:
        readable = QHBoxLayout()
        readable.addWidget(self.readable_only)
        readable.addWidget(self.threshold)
        readable.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addLayout(readable)
        layout.addWidget(self.table)

    def readable_threshold(self) -> float | None:
        """Return the coverage (0–1) an article must reach to be listed, or None to list every article."""
        return self.threshold.value() / 100 if self.readable_only.isChecked() else None

    def set_rows(self, rows: list[LibraryRow]) -> None:
        """Show `rows` (in the given order until the reader sorts by a column); the selected article stays selected."""
        selected = self.current_id()
        self.table.setSortingEnabled(False)
        self.table.clear()
        for row in rows:
            item = _Item([row.title, self.known_text(row.difficulty)])
            item.setData(0, ID_ROLE, row.article_id)
            item.setData(1, SORT_ROLE, row.difficulty.known_coverage if row.difficulty is not None else -1.0)
            item.setData(0, TITLE_ROLE, row.title)
            item.setToolTip(0, row.title + (f"\n{row.detail}" if row.detail else ""))
            if row.detail.startswith("…"):  # a search hit: its snippet after the title, as the reader asked for it
                item.setText(0, f"{row.title}  {row.detail}")
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.addTopLevelItem(item)
            if row.article_id == selected:
                self.table.setCurrentItem(item)
        self.table.setSortingEnabled(True)

    def known_text(self, difficulty: Any) -> str:
        """Return the "known" column's text: "96 % known · HSK 4", or a dash for an article not measured yet."""
        if difficulty is None:
            return "—"
        known = self.tr("{0} % known").format(int(difficulty.known_coverage * 100))
        if difficulty.level is None:
            return known
        return f"{known} · HSK {difficulty.level.replace('-', '–')}"

    def current_id(self) -> int | None:
        """Return the id of the selected article, or None."""
        item = self.table.currentItem()
        return int(item.data(0, ID_ROLE)) if item is not None else None

    def ids(self) -> list[int]:
        """Return the article ids listed, top to bottom."""
        return [int(self.table.topLevelItem(i).data(0, ID_ROLE)) for i in range(self.table.topLevelItemCount())]

    def titles_shown(self) -> list[str]:
        """Return the titles listed, top to bottom."""
        return [self.table.topLevelItem(i).data(0, TITLE_ROLE) for i in range(self.table.topLevelItemCount())]

    def _chosen(self, item: QTreeWidgetItem) -> None:
        self.articleChosen.emit(int(item.data(0, ID_ROLE)))
