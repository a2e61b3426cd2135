"""The library panel: articles opened before, most recent first, with search by title and text.

A click selects a row; a double-click or Enter opens it (so the second click of a double-click can never land on
another row after the list changed). Refilling the list keeps the selected article selected.

Signals:
    articleChosen(int): open the library article with this id.
    searchRequested(str): the reader typed a search (empty for the plain list).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

ID_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class LibraryRow:
    """One row of the list: an article id, its title, and a snippet or detail line."""

    article_id: int
    title: str
    detail: str = ""


class LibraryPanel(QWidget):
    """A search field over a list of articles."""

    articleChosen = Signal(int)
    searchRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryPanel")
        self.search = QLineEdit(self, clearButtonEnabled=True)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)  # whole titles, never cut with a "…"
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        self._debounce = QTimer(self, singleShot=True, interval=150,
                                timeout=lambda: self.searchRequested.emit(self.search.text().strip()))
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.retranslate()
        self.list.itemDoubleClicked.connect(self._chosen)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(QKeySequence(key), self.list, lambda: self.list.currentItem() and self._chosen(
                self.list.currentItem()), context=Qt.ShortcutContext.WidgetShortcut)

    def retranslate(self) -> None:
        """Set the texts again in the interface language now installed."""
        self.search.setPlaceholderText(self.tr("Search titles and text…"))

    def set_rows(self, rows: list[LibraryRow]) -> None:
        """Show `rows` in the given order (the selected article stays selected)."""
        selected = self.current_id()
        self.list.clear()
        for row in rows:
            item = QListWidgetItem(row.title + (f"\n{row.detail}" if row.detail else ""))
            item.setData(ID_ROLE, row.article_id)
            item.setToolTip(row.title)
            self.list.addItem(item)
            if row.article_id == selected:
                self.list.setCurrentItem(item)

    def current_id(self) -> int | None:
        """Return the id of the selected article, or None."""
        item = self.list.currentItem()
        return int(item.data(ID_ROLE)) if item is not None else None

    def ids(self) -> list[int]:
        """Return the article ids listed, top to bottom."""
        return [int(self.list.item(i).data(ID_ROLE)) for i in range(self.list.count())]

    def _chosen(self, item: QListWidgetItem) -> None:
        self.articleChosen.emit(int(item.data(ID_ROLE)))
