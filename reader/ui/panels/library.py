"""The library panel: articles opened before, most recent first, with search by title and text.

Signals:
    articleChosen(int): open the library article with this id.
    searchRequested(str): the reader typed a search (empty for the plain list).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
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
        self.search.setPlaceholderText(self.tr("Search titles and text…"))
        self.list = QListWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        self._debounce = QTimer(self, singleShot=True, interval=150,
                                timeout=lambda: self.searchRequested.emit(self.search.text().strip()))
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.list.itemActivated.connect(self._chosen)
        self.list.itemClicked.connect(self._chosen)

    def set_rows(self, rows: list[LibraryRow]) -> None:
        """Show `rows` in the given order."""
        self.list.clear()
        for row in rows:
            item = QListWidgetItem(row.title + (f"\n{row.detail}" if row.detail else ""))
            item.setData(ID_ROLE, row.article_id)
            item.setToolTip(row.title)
            self.list.addItem(item)

    def _chosen(self, item: QListWidgetItem) -> None:
        self.articleChosen.emit(int(item.data(ID_ROLE)))
