"""The glossary panel: the policy terms of this article with their counts.

Signals:
    termChosen(str): the reader clicked a term (the window steps to its next occurrence).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

TERM_ROLE = Qt.ItemDataRole.UserRole


class GlossaryPanel(QListWidget):
    """A list of `term ×count`; each click on a term emits `termChosen`."""

    termChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("glossaryPanel")
        self.itemClicked.connect(lambda item: self.termChosen.emit(item.data(TERM_ROLE)))
        self.itemActivated.connect(lambda item: self.termChosen.emit(item.data(TERM_ROLE)))

    def set_terms(self, counts: dict[str, int], pinyin: dict[str, str] | None = None) -> None:
        """Show the terms (in order of first occurrence) with how often each occurs."""
        self.clear()
        for term, count in counts.items():
            reading = (pinyin or {}).get(term, "")
            item = QListWidgetItem(f"{term}  ×{count}" + (f"\n{reading}" if reading else ""))
            item.setData(TERM_ROLE, term)
            self.addItem(item)
        if not counts:
            placeholder = QListWidgetItem(self.tr("No glossary terms found yet."))
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(placeholder)

    def terms(self) -> list[str]:
        """Return the listed terms in order."""
        return [self.item(i).data(TERM_ROLE) for i in range(self.count()) if self.item(i).data(TERM_ROLE)]
