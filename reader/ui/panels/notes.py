"""The notes panel: highlights and notes of this article (or of all articles), and orphans kept after a re-import.

Orphans are notes whose quoted text could not be found again after the article changed; they are listed in a
marked group with their quote, and can be re-attached by selecting the new text and pressing "Re-attach here".

Signals (intents; the main window wires them):
    noteChosen(int, int): go to the annotation with this id (of the article with this id).
    editRequested(int): edit the note of the annotation with this id.
    deleteRequested(int): delete it (undoably).
    undoRequested(): bring back what was deleted last.
    reattachRequested(int): attach this orphan to the text selected in the article.
    allArticlesToggled(bool): list the notes of all articles (True) or of the open one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
                               QWidget)

from reader.ui.annotating import HIGHLIGHT_COLOURS, NOTE_COLOUR, NoteRow

ID_ROLE = Qt.ItemDataRole.UserRole
ARTICLE_ROLE = Qt.ItemDataRole.UserRole + 1
ORPHAN_ROLE = Qt.ItemDataRole.UserRole + 2
QUOTE_CHARS = 40


class NotesPanel(QWidget):
    """A tree of notes (grouped by article when all are shown; orphans in their own group) and its buttons."""

    noteChosen = Signal(int, int)
    editRequested = Signal(int)
    deleteRequested = Signal(int)
    undoRequested = Signal()
    reattachRequested = Signal(int)
    allArticlesToggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notesPanel")
        self._swatches: dict[str, QIcon] = {}
        self.all_articles = QCheckBox(self)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.edit_button, self.delete_button = QPushButton(self), QPushButton(self)
        self.undo_button, self.reattach_button = QPushButton(self), QPushButton(self)
        self.retranslate()
        self._layout([self.edit_button, self.delete_button], [self.undo_button, self.reattach_button])
        self.all_articles.toggled.connect(self.allArticlesToggled.emit)
        self.tree.itemActivated.connect(self._chosen)
        self.tree.itemClicked.connect(self._chosen)
        self.tree.currentItemChanged.connect(lambda *_: self._reflect_current())
        self.edit_button.clicked.connect(lambda: self._emit_current(self.editRequested))
        self.delete_button.clicked.connect(lambda: self._emit_current(self.deleteRequested))
        self.undo_button.clicked.connect(self.undoRequested.emit)
        self.reattach_button.clicked.connect(lambda: self._emit_current(self.reattachRequested))
        self.set_undo_available(False)
        self._reflect_current()

    def retranslate(self) -> None:
        """Set the texts again in the interface language now installed (the list's group names on its next fill)."""
        self.all_articles.setText(self.tr("All articles"))
        self.edit_button.setText(self.tr("Edit Note…"))
        self.delete_button.setText(self.tr("Delete"))
        self.undo_button.setText(self.tr("Undo"))
        self.reattach_button.setText(self.tr("Re-attach Here"))
        self.reattach_button.setToolTip(self.tr("Select the passage in the article, then attach the chosen orphan to it"))

    def _layout(self, *rows: list[QPushButton]) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.all_articles)
        layout.addWidget(self.tree)
        for buttons in rows:
            row = QHBoxLayout()
            for button in buttons:
                row.addWidget(button)
            layout.addLayout(row)

    def set_rows(self, rows: list[NoteRow], group_by_article: bool = False) -> None:
        """Show `rows`: anchored ones first (under their article's title when grouping), then the orphans."""
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        orphan_key = self.tr("Orphans: not found in the changed article")
        for row in rows:
            key = orphan_key if row.orphan else (
                row.article_title if group_by_article else self.tr("Highlights and notes"))
            if key not in groups:
                groups[key] = QTreeWidgetItem([key])
                groups[key].setFlags(Qt.ItemFlag.ItemIsEnabled)
                if row.orphan:
                    groups[key].setForeground(0, QColor("#b3261e"))
            groups[key].addChild(self._item(row, group_by_article))
        self.tree.addTopLevelItems([g for k, g in groups.items() if k != orphan_key] +
                                   [g for k, g in groups.items() if k == orphan_key])
        self.tree.expandAll()
        self._reflect_current()

    def _item(self, row: NoteRow, with_title: bool) -> QTreeWidgetItem:
        quote = row.quote if len(row.quote) <= QUOTE_CHARS else row.quote[:QUOTE_CHARS] + "…"
        orphan_title = f"[{row.article_title}] " if row.orphan and with_title else ""
        text = f"{orphan_title}“{quote}”" + (f"\n{row.note}" if row.note else "")
        item = QTreeWidgetItem([text])
        item.setToolTip(0, row.quote + (f"\n\n{row.note}" if row.note else ""))
        item.setData(0, ID_ROLE, row.id)
        item.setData(0, ARTICLE_ROLE, row.article_id)
        item.setData(0, ORPHAN_ROLE, row.orphan)
        item.setIcon(0, self._swatch(HIGHLIGHT_COLOURS.get(row.colour or "", NOTE_COLOUR)))
        return item

    def _swatch(self, colour: str) -> QIcon:
        """Return a small square of `colour` (made once per colour)."""
        if colour not in self._swatches:
            pixmap = QPixmap(12, 12)
            pixmap.fill(QColor(colour))
            self._swatches[colour] = QIcon(pixmap)
        return self._swatches[colour]

    def rows_shown(self) -> list[tuple[int, bool]]:
        """Return (id, is orphan) of every note listed, top to bottom."""
        shown = []
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            shown += [(int(group.child(i).data(0, ID_ROLE)), bool(group.child(i).data(0, ORPHAN_ROLE)))
                      for i in range(group.childCount())]
        return shown

    def select_note(self, annotation_id: int) -> bool:
        """Make the note with this id the current one; return whether it is listed."""
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            for i in range(group.childCount()):
                if group.child(i).data(0, ID_ROLE) == annotation_id:
                    self.tree.setCurrentItem(group.child(i))
                    return True
        return False

    def set_undo_available(self, available: bool) -> None:
        """Enable the Undo button when there is a deletion to undo."""
        self.undo_button.setEnabled(available)

    def current_id(self) -> int | None:
        """Return the id of the note chosen in the tree, or None."""
        item = self.tree.currentItem()
        value = item.data(0, ID_ROLE) if item is not None else None
        return int(value) if value is not None else None

    def _reflect_current(self) -> None:
        item = self.tree.currentItem()
        chosen = self.current_id() is not None
        for button in (self.edit_button, self.delete_button):
            button.setEnabled(chosen)
        self.reattach_button.setEnabled(chosen and bool(item.data(0, ORPHAN_ROLE)))

    def _emit_current(self, signal) -> None:
        current = self.current_id()
        if current is not None:
            signal.emit(current)

    def _chosen(self, item: QTreeWidgetItem) -> None:
        if item.data(0, ID_ROLE) is not None and not item.data(0, ORPHAN_ROLE):
            self.noteChosen.emit(int(item.data(0, ID_ROLE)), int(item.data(0, ARTICLE_ROLE)))
