"""The sections panel: the article's sections as a tree (heading levels, lead, continuation), current one marked.

Signals:
    sectionChosen(int): the reader picked a section to go to.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from reader.core.model import SectionKind
from reader.ui.view.document import SectionEntry

INDEX_ROLE = Qt.ItemDataRole.UserRole


class SectionsPanel(QTreeWidget):
    """A tree of sections; the current section is selected as the reader scrolls."""

    sectionChosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setObjectName("sectionsPanel")
        self._items: list[QTreeWidgetItem] = []
        self.itemActivated.connect(self._chosen)
        self.itemClicked.connect(self._chosen)

    def section_label(self, entry: SectionEntry) -> str:
        """Return how a section is named: its heading, or its role and first words."""
        if entry.kind == SectionKind.LEAD:
            return self.tr("Lead") + (f" · {entry.label}" if entry.label else "")
        if entry.kind == SectionKind.CONTINUATION:
            return self.tr("Continued: {0}").format(entry.label)
        if entry.kind == SectionKind.CAPTION:
            return self.tr("Captions")
        return entry.label

    def set_sections(self, sections: list[SectionEntry]) -> None:
        """Show `sections`, nesting deeper heading levels under the shallower ones before them."""
        self.clear()
        self._items = []
        parents: list[tuple[int, QTreeWidgetItem]] = []
        for entry in sections:
            level = max(entry.level, 1)
            while parents and parents[-1][0] >= level:
                parents.pop()
            # numbered from 1, as a presentation's counter and number+Enter count sections
            item = QTreeWidgetItem([f"{entry.index + 1}  {self.section_label(entry)}"])
            item.setData(0, INDEX_ROLE, entry.index)
            item.setToolTip(0, entry.label)
            if entry.kind in (SectionKind.LEAD, SectionKind.CONTINUATION, SectionKind.CAPTION):
                font = item.font(0)
                font.setItalic(True)
                item.setFont(0, font)
            (parents[-1][1].addChild(item) if parents else self.addTopLevelItem(item))
            parents.append((level, item))
            self._items.append(item)
        self.expandAll()

    def mark_current(self, index: int) -> None:
        """Select the item of section `index` without emitting `sectionChosen`."""
        if 0 <= index < len(self._items):
            self.blockSignals(True)
            self.setCurrentItem(self._items[index])
            self.blockSignals(False)
            self.scrollToItem(self._items[index])

    def current_index(self) -> int:
        """Return the index of the marked section, or -1."""
        item = self.currentItem()
        return int(item.data(0, INDEX_ROLE)) if item else -1

    def _chosen(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.sectionChosen.emit(int(item.data(0, INDEX_ROLE)))
