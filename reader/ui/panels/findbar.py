"""The find bar under the article: a query, an option to match toneless pinyin, next/previous, a count.

Signals:
    searchChanged(str, bool): the query or the pinyin option changed.
    stepRequested(int): go to the next (1) or previous (-1) match.
    closed(): the bar was closed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget


class FindBar(QWidget):
    """Find in the article."""

    searchChanged = Signal(str, bool)
    stepRequested = Signal(int)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.query = QLineEdit(self, clearButtonEnabled=True)
        self.pinyin = QCheckBox(self)
        self.pinyin.setChecked(True)
        self.count = QLabel(self)
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.query, 1)
        layout.addWidget(self.pinyin)
        self.step_buttons = {}
        for text, step in (("▲", -1), ("▼", 1)):
            self.step_buttons[step] = QToolButton(self, text=text)
            self.step_buttons[step].clicked.connect(lambda _=False, s=step: self.stepRequested.emit(s))
            layout.addWidget(self.step_buttons[step])
        layout.addWidget(self.count)
        close = QToolButton(self, text="✕")
        close.clicked.connect(self.close_bar)
        layout.addWidget(close)
        self.query.textChanged.connect(self._changed)
        self.pinyin.toggled.connect(self._changed)
        self.query.returnPressed.connect(lambda: self.stepRequested.emit(1))
        self.retranslate()

    def retranslate(self) -> None:
        """Set the texts again in the interface language now installed."""
        self.query.setPlaceholderText(self.tr("Find in article (汉字 or pinyin)"))
        self.pinyin.setText(self.tr("Match pinyin"))
        self.step_buttons[-1].setToolTip(self.tr("Previous match"))
        self.step_buttons[1].setToolTip(self.tr("Next match"))
        widest = max(self.tr("No matches"), "8888 / 8888", key=self.count.fontMetrics().horizontalAdvance)
        self.count.setFixedWidth(self.count.fontMetrics().horizontalAdvance(widest) + 8)  # the query keeps its width

    def open_bar(self) -> None:
        """Show the bar and put the cursor in the query."""
        self.show()
        self.query.setFocus()
        self.query.selectAll()

    def close_bar(self) -> None:
        """Hide the bar and tell the window."""
        self.hide()
        self.closed.emit()

    def show_count(self, current: int, total: int) -> None:
        """Show “3 / 12”, or that nothing matched."""
        if total:
            self.count.setText(f"{current + 1} / {total}")
        else:
            self.count.setText(self.tr("No matches") if self.query.text().strip() else "")

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        """Esc closes the bar; Shift+Enter goes to the previous match."""
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.stepRequested.emit(-1)
        else:
            super().keyPressEvent(event)

    def _changed(self, *_: object) -> None:
        self.searchChanged.emit(self.query.text(), self.pinyin.isChecked())
