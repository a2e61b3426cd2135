"""The Feeds panel: subscribed feeds with their unread counts, and the items of the chosen feed.

Signals:
    feedChosen(int): show the items of the feed with this id.
    articleChosen(int): open the library article of an item.
    subscribeRequested(): the reader wants to subscribe to a feed.
    refreshRequested(): fetch every feed now.
    removeRequested(int): unsubscribe from the feed with this id.
    autoRefreshToggled(bool): refresh periodically while Dubao runs (or stop).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QSplitter,
                               QVBoxLayout, QWidget)

ID_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class FeedRow:
    """One feed of the list."""

    feed_id: int
    title: str
    unread: int
    items: int
    problem: str | None = None


@dataclass(frozen=True)
class ItemRow:
    """One item of a feed: its article (None when its page could not be read)."""

    article_id: int | None
    title: str
    unread: bool
    detail: str = ""


class FeedsPanel(QWidget):
    """Buttons over the list of feeds, and the chosen feed's items below."""

    feedChosen = Signal(int)
    articleChosen = Signal(int)
    subscribeRequested = Signal()
    refreshRequested = Signal()
    removeRequested = Signal(int)
    autoRefreshToggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feedsPanel")
        self.subscribe = QPushButton(self.tr("Subscribe…"), self)
        self.refresh = QPushButton(self.tr("Refresh"), self)
        self.remove = QPushButton(self.tr("Remove"), self, enabled=False)
        self.auto = QCheckBox(self.tr("Refresh every 30 minutes while Dubao runs"), self)
        self.state = QLabel(self, wordWrap=True)
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.feeds, self.items = QListWidget(self), QListWidget(self)
        self._layout()
        self.subscribe.clicked.connect(self.subscribeRequested)
        self.refresh.clicked.connect(self.refreshRequested)
        self.remove.clicked.connect(lambda: self.current_feed() is not None and self.removeRequested.emit(self.current_feed()))
        self.auto.toggled.connect(self.autoRefreshToggled)
        self.feeds.currentItemChanged.connect(self._feed_changed)
        self.items.itemActivated.connect(self._item_chosen)
        self.items.itemClicked.connect(self._item_chosen)

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        for button in (self.subscribe, self.refresh, self.remove):
            buttons.addWidget(button)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.feeds)
        split.addWidget(self.items)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.auto)
        layout.addWidget(self.state)
        layout.addWidget(split, 1)

    def current_feed(self) -> int | None:
        """Return the id of the selected feed, or None."""
        item = self.feeds.currentItem()
        return None if item is None else int(item.data(ID_ROLE))

    def set_feeds(self, rows: list[FeedRow]) -> None:
        """Show the feeds (keeping the selection when the same feed is still there)."""
        chosen = self.current_feed()
        self.feeds.blockSignals(True)
        self.feeds.clear()
        for row in rows:
            count = self.tr("{0} unread").format(row.unread) if row.unread else self.tr("all read")
            item = QListWidgetItem(f"{row.title}  ({count})")
            item.setData(ID_ROLE, row.feed_id)
            item.setToolTip(row.problem or row.title)
            font = item.font()
            font.setBold(row.unread > 0)
            item.setFont(font)
            self.feeds.addItem(item)
            if row.feed_id == chosen:
                self.feeds.setCurrentItem(item)
        self.feeds.blockSignals(False)
        self.remove.setEnabled(self.current_feed() is not None)
        if self.feeds.currentItem() is None and rows:
            self.feeds.setCurrentRow(0)
        elif not rows:
            self.items.clear()

    def set_items(self, rows: list[ItemRow]) -> None:
        """Show the items of the chosen feed, unread ones in bold."""
        self.items.clear()
        for row in rows:
            item = QListWidgetItem(row.title + (f"  · {row.detail}" if row.detail else ""))
            item.setToolTip(row.title + (f"\n{row.detail}" if row.detail else ""))
            item.setData(ID_ROLE, row.article_id)
            font = item.font()
            font.setBold(row.unread)
            item.setFont(font)
            if row.article_id is None:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.items.addItem(item)

    def set_state(self, text: str, busy: bool = False) -> None:
        """Say what is going on (refreshing, the last refresh's outcome)."""
        self.state.setText(text)
        self.refresh.setEnabled(not busy)

    def _feed_changed(self, current: QListWidgetItem | None, _previous) -> None:
        self.remove.setEnabled(current is not None)
        if current is not None:
            self.feedChosen.emit(int(current.data(ID_ROLE)))

    def _item_chosen(self, item: QListWidgetItem) -> None:
        if item.data(ID_ROLE) is not None:
            self.articleChosen.emit(int(item.data(ID_ROLE)))
