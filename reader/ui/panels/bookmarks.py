"""The bookmarks panel: the open article's bookmarks in reading order; jump, rename, delete, undo.

Signals (intents; the main window wires them):
    bookmarkChosen(int): go to the bookmark with this id.
    renameRequested(int, str): give the bookmark with this id a new name.
    deleteRequested(int): delete the bookmark with this id (undoably).
    undoRequested(): bring back what was deleted last.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from reader.ui.annotating import BookmarkRow

ID_ROLE = Qt.ItemDataRole.UserRole


class BookmarksPanel(QWidget):
    """A list of bookmarks (double-click or Enter jumps; F2 or Rename edits the name) and its buttons."""

    bookmarkChosen = Signal(int)
    renameRequested = Signal(int, str)
    deleteRequested = Signal(int)
    undoRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookmarksPanel")
        self.list = QListWidget(self)
        self.list.setEditTriggers(QListWidget.EditTrigger.EditKeyPressed)
        self.rename_button = QPushButton(self.tr("Rename"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.undo_button = QPushButton(self.tr("Undo"), self)
        buttons = QHBoxLayout()
        for button in (self.rename_button, self.delete_button, self.undo_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self._filling = False
        self.list.itemActivated.connect(lambda item: self.bookmarkChosen.emit(int(item.data(ID_ROLE))))
        self.list.itemChanged.connect(self._renamed)
        self.rename_button.clicked.connect(lambda: self.list.currentItem() and self.list.editItem(self.list.currentItem()))
        self.delete_button.clicked.connect(self._delete_current)
        self.undo_button.clicked.connect(self.undoRequested.emit)
        self.set_undo_available(False)

    def set_rows(self, rows: list[BookmarkRow]) -> None:
        """Show `rows` in the given order."""
        self._filling = True
        self.list.clear()
        for row in rows:
            item = QListWidgetItem(row.name)
            item.setData(ID_ROLE, row.id)
            item.setToolTip(row.quote)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.list.addItem(item)
        self._filling = False

    def names(self) -> list[str]:
        """Return the names listed, top to bottom."""
        return [self.list.item(i).text() for i in range(self.list.count())]

    def ids(self) -> list[int]:
        """Return the ids listed, top to bottom."""
        return [int(self.list.item(i).data(ID_ROLE)) for i in range(self.list.count())]

    def set_undo_available(self, available: bool) -> None:
        """Enable the Undo button when there is a deletion to undo."""
        self.undo_button.setEnabled(available)

    def _renamed(self, item: QListWidgetItem) -> None:
        if not self._filling:
            self.renameRequested.emit(int(item.data(ID_ROLE)), item.text())

    def _delete_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.deleteRequested.emit(int(item.data(ID_ROLE)))
