"""The bookmarks panel: the open article's bookmarks in reading order (or all articles', under their titles); jump,
rename, delete, undo. Names wrap instead of being cut, so bookmarks that differ late still look different.

Signals (intents; the main window wires them):
    bookmarkChosen(int): go to the bookmark with this id.
    renameRequested(int, str): give the bookmark with this id a new name.
    deleteRequested(int): delete the bookmark with this id (undoably).
    undoRequested(): bring back what was deleted last.
    allArticlesToggled(bool): list the bookmarks of all articles (True) or of the open one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from reader.ui.annotating import BookmarkRow

ID_ROLE = Qt.ItemDataRole.UserRole


class BookmarksPanel(QWidget):
    """A list of bookmarks (double-click or Enter jumps; F2 or Rename edits the name) and its buttons."""

    bookmarkChosen = Signal(int)
    renameRequested = Signal(int, str)
    deleteRequested = Signal(int)
    undoRequested = Signal()
    allArticlesToggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookmarksPanel")
        self.all_articles = QCheckBox(self)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setEditTriggers(QListWidget.EditTrigger.EditKeyPressed)
        self.rename_button, self.delete_button, self.undo_button = QPushButton(self), QPushButton(self), QPushButton(self)
        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        for button in (self.rename_button, self.delete_button, self.undo_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.all_articles)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self._filling = False
        self.all_articles.toggled.connect(self.allArticlesToggled.emit)
        self.list.itemActivated.connect(self._chosen)
        self.list.itemChanged.connect(self._renamed)
        self.rename_button.clicked.connect(lambda: self.list.currentItem() and self.list.editItem(self.list.currentItem()))
        self.delete_button.clicked.connect(self._delete_current)
        self.undo_button.clicked.connect(self.undoRequested.emit)
        self.set_undo_available(False)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the texts again in the interface language now installed."""
        self.all_articles.setText(self.tr("All articles"))
        self.rename_button.setText(self.tr("Rename"))
        self.delete_button.setText(self.tr("Delete"))
        self.undo_button.setText(self.tr("Undo"))

    def set_rows(self, rows: list[BookmarkRow]) -> None:
        """Show `rows` in the given order."""
        self._filling = True
        self.list.clear()
        heading = None
        for row in rows:
            if row.article_title and row.article_title != heading:
                heading = row.article_title
                self.list.addItem(self._heading(heading))
            item = QListWidgetItem(row.name)
            item.setData(ID_ROLE, row.id)
            item.setToolTip(row.quote)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.list.addItem(item)
        self._filling = False

    def _heading(self, title: str) -> QListWidgetItem:
        item = QListWidgetItem(title)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        return item

    def _bookmark_items(self) -> list[QListWidgetItem]:
        items = [self.list.item(i) for i in range(self.list.count())]
        return [item for item in items if item.data(ID_ROLE) is not None]

    def names(self) -> list[str]:
        """Return the names listed, top to bottom."""
        return [item.text() for item in self._bookmark_items()]

    def ids(self) -> list[int]:
        """Return the ids listed, top to bottom."""
        return [int(item.data(ID_ROLE)) for item in self._bookmark_items()]

    def _chosen(self, item: QListWidgetItem) -> None:
        if item.data(ID_ROLE) is not None:
            self.bookmarkChosen.emit(int(item.data(ID_ROLE)))

    def set_undo_available(self, available: bool) -> None:
        """Enable the Undo button when there is a deletion to undo."""
        self.undo_button.setEnabled(available)

    def _renamed(self, item: QListWidgetItem) -> None:
        if not self._filling:
            self.renameRequested.emit(int(item.data(ID_ROLE)), item.text())

    def _delete_current(self) -> None:
        item = self.list.currentItem()
        if item is not None and item.data(ID_ROLE) is not None:
            self.deleteRequested.emit(int(item.data(ID_ROLE)))
