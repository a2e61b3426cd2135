"""The window's side of news feeds: subscribing, refreshing (network work on the worker, database work on the GUI
thread), removing, the rows of the Feeds panel, and the periodic refresh the reader may turn on.

Signals:
    feedsChanged(): the feeds or their unread counts changed.
    libraryChanged(): a refresh added articles to the library.
    state(str, bool): what is going on, and whether a refresh is running.
    problem(str): a subscription failed (one line).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from reader.core.errors import DubaoError
from reader.ui.worker import run_in_background

if TYPE_CHECKING:
    from reader.ui.panels.feeds import FeedRow, ItemRow

AUTO_REFRESH_MS = 30 * 60 * 1000


class FeedsController(QObject):
    """Feeds over the reader's store (`store_of()` returns it, or None without a library)."""

    feedsChanged = Signal()
    libraryChanged = Signal()
    state = Signal(str, bool)
    problem = Signal(str)

    def __init__(self, store_of, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store_of = store_of
        self.busy = False
        self.timer = QTimer(self, interval=AUTO_REFRESH_MS, timeout=self.refresh)

    def set_auto_refresh(self, on: bool) -> None:
        """Refresh every 30 minutes while Dubao runs (only when the reader turned it on)."""
        self.timer.start() if on else self.timer.stop()

    def feed_rows(self) -> list[FeedRow]:
        """Return the rows of the Feeds panel."""
        from reader.ui.panels.feeds import FeedRow  # the panel's module loads when the panel is first shown

        store = self._store_of()
        if store is None:
            return []
        return [FeedRow(f.id, f.title or f.url, f.unread, f.items, f.problem) for f in store.feeds.list()]

    def item_rows(self, feed_id: int) -> list[ItemRow]:
        """Return the items of a feed, newest first."""
        from reader.ui.panels.feeds import ItemRow

        store = self._store_of()
        if store is None:
            return []
        try:
            items = store.feeds.items(feed_id)
        except DubaoError:
            return []
        return [ItemRow(i.article_id, i.title or i.link or i.guid, i.article_id is not None and i.read_at is None,
                        i.problem or i.published or "") for i in items]

    def subscribe(self, url: str) -> None:
        """Check the address in the background, then subscribe and refresh the new feed."""
        from reader.core.web.feeds import fetch_feed

        self.state.emit(self.tr("Checking {0}…").format(url), True)
        run_in_background(lambda: fetch_feed(url), self._subscribed, self._failed, owner=self)

    def _subscribed(self, found) -> None:
        feed, address, _fetched = found
        store = self._store_of()
        if store is None:
            return
        entry = store.feeds.add(address, feed.title, feed.site_url)
        self.feedsChanged.emit()
        self.state.emit("", False)
        self.refresh([entry.id])

    def _failed(self, error: Exception) -> None:
        self.state.emit("", False)
        if not isinstance(error, DubaoError):
            raise error
        self.problem.emit(self.tr("Could not subscribe: {0}").format(error))

    def refresh(self, ids: list[int] | None = None) -> None:
        """Fetch the feeds (all, or `ids`) in the background; store what came when it is done."""
        from reader.core.web.subscriptions import collect, feed_states

        store = self._store_of()
        if store is None or self.busy:
            return
        states = feed_states(store, ids if isinstance(ids, list) else None)
        self.busy = True
        self.state.emit(self.tr("Refreshing {0} feeds…").format(len(states)), True)
        run_in_background(lambda: [collect(state) for state in states], self._collected, self._refresh_failed,
                          owner=self)

    def _collected(self, collected: list) -> None:
        from reader.core.web.subscriptions import store_collected

        self.busy = False
        store = self._store_of()
        if store is None:
            return
        results = [store_collected(store, one) for one in collected]
        added = sum(len(r.article_ids) for r in results)
        failed = [r for r in results if r.problem]
        text = self.tr("{0} new articles.").format(added)
        if failed:
            text += " " + self.tr("{0} feeds could not be read: {1}").format(len(failed), failed[0].problem)
        self.state.emit(text, False)
        self.feedsChanged.emit()
        if added:
            self.libraryChanged.emit()

    def _refresh_failed(self, error: Exception) -> None:
        self.busy = False
        self.state.emit(self.tr("The refresh failed: {0}").format(error), False)

    def remove(self, feed_id: int) -> None:
        """Unsubscribe (the articles stay in the library)."""
        store = self._store_of()
        if store is not None:
            store.feeds.remove(feed_id)
            self.feedsChanged.emit()
